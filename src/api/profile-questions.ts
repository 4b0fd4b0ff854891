import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getCustomer } from '../customers/customer-store.ts';
import type { Deps } from '../platform/deps.ts';
import { answerCounts, createQuestion, getQuestion, listQuestions, updateQuestion, type QuestionRow } from '../profiles/question-store.ts';
import { answerProfile } from '../workflows/profile-answered.ts';
import { removeQuestion } from '../workflows/profile-question-removed.ts';
import { customerAnswers } from '../workflows/profile-view.ts';
import { errorResponses, Id, List } from './schemas/common.ts';
import { AnswersInput, CustomerAnswers, CustomerAnswersSaved, ProfileQuestion, ProfileQuestionCreate, ProfileQuestionRemoved, ProfileQuestionUpdate } from './schemas/profile-questions.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const tags = ['profile questions'];
const Params = Type.Object({ id: Id('pq') });
const CustomerParams = Type.Object({ id: Id('cus') });

export const presentQuestion = (q: QuestionRow, answers: number) => ({
  object: 'profile_question' as const,
  id: q.id,
  key: q.key,
  type: q.type,
  text: q.text,
  options: q.options,
  required: q.required,
  position: q.position,
  answers,
  archived_at: iso(q.archived_at),
  created_at: iso(q.created_at)!,
  updated_at: iso(q.updated_at)!,
});

/** Profile questions (docs/profile-questions.md): what the merchant asks shoppers, and each customer's answers. */
export const profileQuestionRoutes =
  (deps: Deps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const present = async (q: QuestionRow) => presentQuestion(q, (await answerCounts(deps.db, q.program_id)).get(q.id) ?? 0);

    app.post('/v1/profile-questions', { schema: { operationId: 'createProfileQuestion', tags, summary: 'Ask shoppers a question: single or multiple choice, a date or a text, in each language', body: ProfileQuestionCreate, response: { 201: ProfileQuestion, ...errorResponses } } }, async (request, reply) =>
      reply.status(201).send(await present(await createQuestion(deps.db, request.program.id, request.body, deps.clock.now()))),
    );

    app.get(
      '/v1/profile-questions',
      {
        schema: {
          operationId: 'listProfileQuestions',
          tags,
          summary: 'The program’s questions in the order shoppers see them, each with how many answered',
          querystring: Type.Object({ include_archived: Type.Boolean({ default: false, description: 'Also the archived questions.' }) }),
          response: { 200: List(ProfileQuestion), ...errorResponses },
        },
      },
      async (request) => {
        const [rows, counts] = await Promise.all([listQuestions(deps.db, request.program.id, { archived: request.query.include_archived }), answerCounts(deps.db, request.program.id)]);
        return { object: 'list' as const, data: rows.map((q) => presentQuestion(q, counts.get(q.id) ?? 0)), has_more: false };
      },
    );

    app.get('/v1/profile-questions/:id', { schema: { operationId: 'getProfileQuestion', tags, summary: 'A profile question', params: Params, response: { 200: ProfileQuestion, ...errorResponses } } }, async (request) =>
      present(await getQuestion(deps.db, request.program.id, request.params.id)),
    );

    app.patch('/v1/profile-questions/:id', { schema: { operationId: 'updateProfileQuestion', tags, summary: 'Change a question’s texts, options, whether it is required, or its place', description: 'The key and the type stay. An option customers chose cannot be taken away (`option_in_use`).', params: Params, body: ProfileQuestionUpdate, response: { 200: ProfileQuestion, ...errorResponses } } }, async (request) =>
      present(await updateQuestion(deps.db, request.program.id, request.params.id, request.body, deps.clock.now())),
    );

    app.delete('/v1/profile-questions/:id', { schema: { operationId: 'deleteProfileQuestion', tags, summary: 'Delete a question nobody answered; archive one with answers (or that a segment uses)', params: Params, response: { 200: ProfileQuestionRemoved, ...errorResponses } } }, async (request) => {
      const { deleted, question } = await removeQuestion(deps, request.program.id, request.params.id);
      return { object: 'profile_question' as const, id: question.id, deleted, archived_at: iso(question.archived_at) };
    });

    app.get('/v1/customers/:id/profile-answers', { schema: { operationId: 'getCustomerProfileAnswers', tags, summary: 'A customer’s answers, and whether their profile is complete', params: CustomerParams, response: { 200: CustomerAnswers, ...errorResponses } } }, async (request) => {
      await getCustomer(deps.db, request.program.id, request.params.id);
      return customerAnswers(deps, request.program.id, request.params.id);
    });

    app.put(
      '/v1/customers/:id/profile-answers',
      {
        schema: {
          operationId: 'setCustomerProfileAnswers',
          tags,
          summary: 'Set answers for a customer (null removes one); the first complete profile earns the profile_completed action',
          params: CustomerParams,
          body: AnswersInput,
          response: { 200: CustomerAnswersSaved, ...errorResponses },
        },
      },
      async (request) => {
        const { points_awarded } = await answerProfile(deps, request.program, request.params.id, request.body.answers, 'merchant');
        return { ...(await customerAnswers(deps, request.program.id, request.params.id)), points_awarded };
      },
    );
  };
