// Who changed what, and why: /v1/audit-log with its filters, and the same filters as a CSV export.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, queryString, unwrap } from '../../api/client.ts';

export type AuditEntry = paths['/v1/audit-log']['get']['responses']['200']['content']['application/json']['data'][number];
export type AuditFilter = { actor?: string; object_id?: string; action?: string };

export function useAuditLog(filter: AuditFilter, startingAfter: string | undefined) {
  return useQuery({
    queryKey: ['audit-log', filter, startingAfter],
    queryFn: async () => unwrap(await client.GET('/v1/audit-log', { params: { query: { ...filter, limit: 50, starting_after: startingAfter } } })),
    placeholderData: keepPreviousData,
  });
}

/** The CSV export of the same filters, as a link the browser downloads with the session cookie. */
export const auditLogExportUrl = (filter: AuditFilter) => `/v1/audit-log/export${queryString({ ...filter })}`;
