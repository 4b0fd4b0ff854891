// Where the program is on its way to launch: each step of the Setup checklist, done or not, from
// what the API says exists. The checklist (and its place in the navigation) shows until the
// required steps are done.
import { useEarningRules, useProgram, useRewards, useTiers } from './api/program.ts';
import { useConnections, useReferralProgram } from './api/setup-checklist.ts';

export type SetupStep = 'earning' | 'rewards' | 'widget' | 'tiers' | 'referrals' | 'store';
export const REQUIRED: readonly SetupStep[] = ['earning', 'rewards', 'widget'];
export const STARTER_REWARDS = 3;

export function useSetupProgress() {
  const program = useProgram();
  const rules = useEarningRules();
  const rewards = useRewards();
  const tiers = useTiers();
  const referrals = useReferralProgram();
  const connections = useConnections();
  const all = [program, rules, rewards, tiers, referrals, connections];
  if (all.some((q) => !q.data)) return { isPending: all.some((q) => q.isPending), error: all.find((q) => q.error)?.error ?? null, done: undefined, program: undefined, open: false };
  const done: Record<SetupStep, boolean> = {
    earning: rules.data!.data.some((r) => r.active && (r.type === 'points_per_unit' || r.type === 'fixed_per_order')),
    rewards: rewards.data!.data.filter((r) => r.status === 'active').length >= STARTER_REWARDS,
    widget: program.data!.has_widget_secret,
    tiers: tiers.data!.data.length > 0,
    referrals: referrals.data!.friend_reward_id !== null || referrals.data!.advocate_points > 0,
    store: connections.data!.data.length > 0,
  };
  return { isPending: false, error: null, done, program: program.data!, open: REQUIRED.some((step) => !done[step]) };
}
