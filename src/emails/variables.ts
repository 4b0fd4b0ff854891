/**
 * What an email's Liquid template can use (docs/emails.md lists them). Figures arrive formatted
 * for the customer's locale (digits, money, dates), so a template never formats anything itself;
 * a section a message has nothing for is absent, and `{% if %}` tests it.
 */
export interface EmailVariables {
  customer: { first_name: string; last_name: string; email: string };
  program: { name: string; store_url: string };
  points: { balance: string; pending: string; earned_lifetime: string };
  /** The points expiring next (points_expiring; also in summaries). */
  expiring?: { points: string; date: string; days: string };
  tier?: { name: string; next_name: string; to_next: string; keep: string; review_date: string };
  /** Rewards the balance buys now, cheapest first, five at most. */
  rewards: { name: string; points_cost: string }[];
  /** The reward whose cost the balance just crossed (reward_available). */
  reward?: { name: string; points_cost: string };
  /** A redeemed reward's code (reward_redeemed). */
  code?: { code: string; reward_name: string; expires_at: string };
  /** The order that triggered the message (post_purchase, review_request, guest_claim). */
  order?: { number: string; total: string; points_earned: string };
  /** The product running out (replenishment). */
  product?: { title: string; url: string };
  /** Personal picks: bought together with what the customer bought, else the store's best sellers. */
  products: { title: string; url: string }[];
  referral: { link: string; advocate_reward: string; friend_reward: string };
  /** A referral that just paid the advocate (referral_rewarded). */
  referred?: { points: string };
  membership?: { plan_name: string; renews_on: string; price: string };
  /** The customer's answers to the profile questions, by key (`profile.skin_type`): an option value, a list of them, a YYYY-MM-DD date, a text. */
  profile: Record<string, string | string[]>;
  /** A survey email's links (survey flow, survey campaigns): the page, and the page with each score chosen; the layout shows the scores. */
  survey?: { url: string; scores: { score: string; url: string }[] };
  /** A campaign's gift: points (formatted) or a reward's name, and why. */
  gift?: { points: string; reward_name: string; reason: string };
  /** Where the button of the flow goes: the store, its review page, the account sign-up. */
  action_url: string;
  unsubscribe_url: string;
}

/** A survey email's sample links: previews of the survey flow and of survey campaigns show its scores. */
export const SAMPLE_SURVEY: NonNullable<EmailVariables['survey']> = { url: 'https://loyalty.example.com/s/sample', scores: Array.from({ length: 11 }, (_, n) => ({ score: String(n), url: `https://loyalty.example.com/s/sample?score=${n}` })) };

/** Sample data for previews and for checking a template when it is saved. */
export const SAMPLE_VARIABLES: EmailVariables = {
  customer: { first_name: 'Sam', last_name: 'Rivera', email: 'sam@example.com' },
  program: { name: 'Demo Coffee Rewards', store_url: 'https://shop.example.com' },
  points: { balance: '1,250', pending: '100', earned_lifetime: '3,400' },
  expiring: { points: '300', date: 'December 31, 2026', days: '7' },
  tier: { name: 'Silver', next_name: 'Gold', to_next: '$120.00', keep: '$200.00', review_date: 'January 1, 2027' },
  rewards: [
    { name: '$5 off', points_cost: '500' },
    { name: 'Free shipping', points_cost: '1,000' },
  ],
  reward: { name: '$10 off', points_cost: '1,000' },
  code: { code: 'RG-7KQ2-M4XD', reward_name: '$5 off', expires_at: 'March 1, 2027' },
  order: { number: '#1042', total: '$48.00', points_earned: '48' },
  product: { title: 'Morning Roast, 1 kg', url: 'https://shop.example.com/products/morning-roast' },
  products: [
    { title: 'Ceramic pour-over', url: 'https://shop.example.com/products/pour-over' },
    { title: 'Paper filters, 100', url: 'https://shop.example.com/products/filters' },
  ],
  referral: { link: 'https://shop.example.com/?ref=SAM42', advocate_reward: '500 points', friend_reward: '$5 off' },
  referred: { points: '500' },
  membership: { plan_name: 'Coffee Club', renews_on: 'January 15, 2027', price: '$9.00' },
  profile: { brewing: 'espresso', equipment: ['grinder', 'kettle'] },
  gift: { points: '500', reward_name: '', reason: 'Happy holidays' },
  action_url: 'https://shop.example.com',
  unsubscribe_url: 'https://loyalty.example.com/u/sample-token',
};
