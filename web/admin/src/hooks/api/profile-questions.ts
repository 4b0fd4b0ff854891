// Profile questions: what the program asks shoppers about themselves (the widget shows them), each
// with how many answered; made, changed, and deleted or (with answers) archived.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type ProfileQuestion = paths['/v1/profile-questions']['get']['responses']['200']['content']['application/json']['data'][number];
export type NewProfileQuestion = NonNullable<paths['/v1/profile-questions']['post']['requestBody']>['content']['application/json'];
export type ProfileQuestionChanges = NonNullable<paths['/v1/profile-questions/{id}']['patch']['requestBody']>['content']['application/json'];
export type QuestionType = ProfileQuestion['type'];

const questionsKey = ['profile-questions'] as const;

/** The questions in the order shoppers see them; with the archived ones too when asked. */
export function useProfileQuestions(includeArchived = false) {
  return useQuery({
    queryKey: [...questionsKey, includeArchived],
    queryFn: async () => unwrap(await client.GET('/v1/profile-questions', { params: { query: { include_archived: includeArchived } } })),
  });
}

/** Creates a question, or changes the one named by `id` (its key and type stay). */
export function useSaveProfileQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, question }: { id: string | undefined; question: NewProfileQuestion }) => {
      if (!id) return unwrap(await client.POST('/v1/profile-questions', { body: question }));
      const { text, options, required, position } = question;
      const changes: ProfileQuestionChanges = { text, required, ...(options ? { options } : {}), ...(position !== undefined ? { position } : {}) };
      return unwrap(await client.PATCH('/v1/profile-questions/{id}', { params: { path: { id } }, body: changes }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: questionsKey }),
  });
}

/** Deletes a question nobody answered; archives one with answers or that a segment uses. */
export function useRemoveProfileQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await client.DELETE('/v1/profile-questions/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: questionsKey }),
  });
}
