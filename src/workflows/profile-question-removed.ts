import type { Deps } from '../platform/deps.ts';
import { archiveQuestion, deleteQuestion, getQuestion, hasAnswers, type QuestionRow } from '../profiles/question-store.ts';
import { segmentsNamingQuestion } from '../segments/segment-store.ts';

/**
 * The merchant removes a question. One nobody answered and no segment names goes; one with
 * answers, or that a segment asks about, is archived instead: shoppers no longer see it, and its
 * answers stay customer attributes for the segments and templates that use them.
 */
export async function removeQuestion(deps: Deps, programId: string, id: string): Promise<{ deleted: boolean; question: QuestionRow }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const question = await getQuestion(tx, programId, id);
    // Locked: an answer being written now (its foreign key holds the row) is waited for, then counted.
    await tx.selectFrom('profile_questions').select('id').where('id', '=', id).forUpdate().execute();
    if ((await hasAnswers(tx, id)) || (await segmentsNamingQuestion(tx, programId, question)).length > 0) return { deleted: false, question: await archiveQuestion(tx, programId, id, now) };
    await deleteQuestion(tx, programId, id);
    return { deleted: true, question };
  });
}
