// The signed-in user, their programs and the CSRF token: GET/POST/DELETE /v1/session, and the
// one-time links that create the owner, accept an invitation or reset a password.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { ApiError, client, setRequestContext, unwrap } from '../../api/client.ts';
import i18n from '../../i18n.ts';

type SessionAnswer = paths['/v1/session']['get']['responses']['200']['content']['application/json'];
export type SessionProgram = NonNullable<SessionAnswer['program']>;
/** A session in a program: a user removed from every program cannot use the dashboard. */
export type Session = SessionAnswer & { program: SessionProgram };
export type SetupLink = paths['/v1/setup-links/{token}']['get']['responses']['200']['content']['application/json'];

export const sessionKey = ['session'] as const;
const PROGRAM_KEY = 'regulars.admin.program';

/** The session with the program chosen last on this browser, when the user still has it. */
function withChosenProgram(session: SessionAnswer): Session {
  const chosen = session.programs.find((p) => p.id === localStorage.getItem(PROGRAM_KEY));
  const current = chosen ?? session.program;
  if (!current) throw new Error(i18n.t('session.noProgram'));
  setRequestContext({ programId: current.id, csrfToken: session.csrf_token });
  return { ...session, program: current };
}

/** null when nobody is signed in (401). */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<Session | null> => {
      try {
        return withChosenProgram(unwrap(await client.GET('/v1/session')));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; password: string }) => unwrap(await client.POST('/v1/session', { body })),
    onSuccess: (session) => queryClient.setQueryData(sessionKey, withChosenProgram(session)),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      unwrap(await client.DELETE('/v1/session'));
    },
    onSettled: () => {
      setRequestContext({ programId: null, csrfToken: null });
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

/** Switches every later request to another of the user's programs and refetches what is shown. */
export function useSwitchProgram() {
  const queryClient = useQueryClient();
  return (programId: string) => {
    const session = queryClient.getQueryData<Session | null>(sessionKey);
    const program = session?.programs.find((p) => p.id === programId);
    if (!session || !program) return;
    localStorage.setItem(PROGRAM_KEY, programId);
    setRequestContext({ programId, csrfToken: session.csrf_token });
    queryClient.setQueryData(sessionKey, { ...session, program });
    void queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  };
}

export function useSetupLink(token: string) {
  return useQuery({
    queryKey: ['setup-links', token],
    queryFn: async () => unwrap(await client.GET('/v1/setup-links/{token}', { params: { path: { token } } })),
    enabled: token !== '',
    retry: false,
  });
}

export function useCompleteSetupLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email?: string; password: string; name?: string }) => unwrap(await client.POST('/v1/setup-links/{token}', { params: { path: { token } }, body })),
    onSuccess: (session) => queryClient.setQueryData(sessionKey, withChosenProgram(session)),
  });
}
