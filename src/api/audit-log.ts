import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listAudit, type AuditEntry as AuditRow } from '../audit/audit-log.ts';
import type { Deps } from '../platform/deps.ts';
import { allPages, sendCsv } from '../platform/http/csv.ts';
import { toList } from '../platform/http/pagination.ts';
import { AuditEntry, AuditFilter, AuditQuery } from './schemas/audit-log.ts';
import { errorResponses, List } from './schemas/common.ts';

const tags = ['users'];
const CSV_COLUMNS = ['created_at', 'actor', 'actor_name', 'action', 'object_type', 'object_id', 'reason', 'before', 'after', 'id'] as const;
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** Who did what to the program: the list with its filters, and the same filters as a CSV file. */
export const auditLogRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/v1/audit-log',
      { schema: { operationId: 'listAuditLog', tags, summary: 'Who did what to the program, newest first', querystring: AuditQuery, response: { 200: List(AuditEntry), ...errorResponses } } },
      async (request) => toList(await listAudit(deps.db, request.program.id, request.query), request.query.limit, presentAudit),
    );

    app.get(
      '/v1/audit-log/export',
      {
        schema: {
          operationId: 'exportAuditLog',
          tags,
          summary: 'The audit log as CSV, with the same filters as the list',
          description: 'Every matching entry, newest first, streamed. `before` and `after` are JSON in their cells.',
          querystring: AuditFilter,
          produces: ['text/csv'],
          response: { 200: Type.String({ description: 'CSV with a header row.' }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const pages = allPages((page) => listAudit(deps.db, request.program.id, { ...request.query, ...page }));
        const rows = (async function* () {
          for await (const page of pages) yield page.map((r) => [r.created_at.toISOString(), r.actor, r.actor_name, r.action, r.subject_type, r.subject_id, r.reason, json(r.before), json(r.after), r.id]);
        })();
        return sendCsv(reply, 'audit-log.csv', CSV_COLUMNS, rows);
      },
    );
  };

function presentAudit(row: AuditRow) {
  return {
    object: 'audit_entry' as const,
    id: row.id,
    actor: row.actor,
    actor_name: row.actor_name,
    action: row.action,
    subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
    before: row.before,
    after: row.after,
    reason: row.reason,
    details: row.details,
    created_at: row.created_at.toISOString(),
  };
}
