/**
 * The lifecycle flows: what each is for, whether it is marketing (needs consent, carries one-click
 * unsubscribe, is throttled) or transactional, whether it is on by default, and its steps. A step
 * is one email with its own template (`welcome`, `welcome.2`, …) and its delay after the trigger;
 * a series stops when its goal happens (an order).
 */
export type FlowName =
  | 'welcome'
  | 'post_purchase'
  | 'reward_available'
  | 'birthday'
  | 'win_back'
  | 'replenishment'
  | 'points_summary'
  | 'review_request'
  | 'guest_claim'
  | 'recommendations'
  | 'reward_redeemed'
  | 'points_expiring'
  | 'tier_upgraded'
  | 'tier_will_downgrade'
  | 'referral_rewarded'
  | 'membership_renewal'
  | 'survey'
  | 'gift_received';

export type Category = 'marketing' | 'transactional';

export interface FlowStep {
  /** The template's key: the flow's name, then `.2`, `.3` for later steps. */
  template: string;
  /** After the trigger (for the first step) or after the step before. */
  delayMinutes: number;
}

export interface Flow {
  name: FlowName;
  category: Category;
  enabledByDefault: boolean;
  steps: FlowStep[];
  /** A series that stops when the customer orders again. */
  stopsOnOrder: boolean;
  description: string;
}

const DAY = 24 * 60;
const step = (template: string, delayMinutes = 0): FlowStep => ({ template, delayMinutes });
const flow = (name: FlowName, category: Category, description: string, steps: FlowStep[] = [step(name)], options: Partial<Pick<Flow, 'enabledByDefault' | 'stopsOnOrder'>> = {}): Flow => ({
  name,
  category,
  description,
  steps,
  enabledByDefault: options.enabledByDefault ?? true,
  stopsOnOrder: options.stopsOnOrder ?? false,
});

export const FLOWS: readonly Flow[] = [
  flow('welcome', 'marketing', 'A new member: how the program works. A series: now, after 2 days, after 4 days; it stops at an order.', [step('welcome'), step('welcome.2', 2 * DAY), step('welcome.3', 2 * DAY)], { stopsOnOrder: true }),
  flow('post_purchase', 'marketing', 'After an order: the points it earned, the balance, what it buys, and personal picks.', [step('post_purchase', 60)]),
  flow('reward_available', 'marketing', 'The balance has crossed a reward’s cost.'),
  flow('birthday', 'marketing', 'On the customer’s birthday, with the birthday points.'),
  flow('win_back', 'marketing', 'On entering the at-risk stage, and a second touch on lapsing; stops at an order.', [step('win_back'), step('win_back.2')], { stopsOnOrder: true }),
  flow('replenishment', 'marketing', 'When a product bought is about to run out (75–80% of its lifespan), then again; skipped if bought again.', [step('replenishment'), step('replenishment.2', 90 * DAY), step('replenishment.3', 180 * DAY)], { stopsOnOrder: true }),
  flow('points_summary', 'marketing', 'Monthly: the balance, what it buys, what expires.', [step('points_summary')], { enabledByDefault: false }),
  flow('review_request', 'marketing', 'Some days after an order: a link to the store’s review page (reviews earn points).', [step('review_request', 7 * DAY)]),
  flow('guest_claim', 'marketing', 'A guest order’s points are waiting: create an account to keep them.', [step('guest_claim', 60)]),
  flow('recommendations', 'marketing', 'Personal picks every few weeks.', [step('recommendations')]),
  flow('survey', 'marketing', 'Two weeks after an order, at most once a quarter: how likely to recommend us, 0–10, answered on a hosted page (docs/surveys.md).', [step('survey', 14 * DAY)], { enabledByDefault: false }),
  flow('reward_redeemed', 'transactional', 'The code of a redeemed reward and how to use it.'),
  flow('points_expiring', 'transactional', 'Points expire soon (30 days before), and a last chance (3 days before).', [step('points_expiring'), step('points_expiring.2')]),
  flow('tier_upgraded', 'transactional', 'The customer reached a higher tier.'),
  flow('tier_will_downgrade', 'transactional', 'The tier will drop at the next review, and what keeps it.'),
  flow('gift_received', 'transactional', 'Points given as a group gift (one not announced by its own campaign): how many, and why.'),
  flow('referral_rewarded', 'transactional', 'A friend’s order paid the advocate’s referral reward.'),
  flow('membership_renewal', 'transactional', 'A paid membership renews soon.'),
];

export const FLOW_NAMES = FLOWS.map((f) => f.name);
export const flowNamed = (name: string): Flow | undefined => FLOWS.find((f) => f.name === name);
/** Every template key of every flow's steps. */
export const TEMPLATE_KEYS = FLOWS.flatMap((f) => f.steps.map((s) => s.template));
