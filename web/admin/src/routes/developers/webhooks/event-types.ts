// The events an endpoint can subscribe to, by family, as the OpenAPI document's webhooks name
// them. They are identifiers, not words: shown as they are, left to right in every language.
import type { webhooks } from '../../../../../client/schema.d.ts';

const FAMILIES = {
  customer: ['created', 'updated'],
  points: ['earned', 'pending', 'released', 'reversed', 'adjusted', 'expired', 'expiring_soon'],
  redemption: ['created', 'used', 'voided', 'expired'],
  reward: ['redeemed'],
  tier: ['upgraded', 'downgraded', 'will_downgrade'],
  referral: ['created', 'flagged', 'completed'],
  cashback: ['earned', 'reversed'],
  store_credit: ['issued', 'spent', 'returned'],
  stamp_card: ['completed'],
  challenge: ['completed'],
  gift: ['received'],
  profile: ['answered', 'completed'],
  survey: ['answered'],
  membership: ['active', 'past_due', 'cancelled', 'expired'],
  webhook_endpoint: ['disabled'],
} as const;

type Family = keyof typeof FAMILIES;
type Listed = { [F in Family]: `${F}.${(typeof FAMILIES)[F][number]}` }[Family];
type EventType = Exclude<keyof webhooks, 'webhook.test'>;
// A type listed here that the API does not send, or one the API sends that is missing here, fails the build.
const _known: [Exclude<Listed, EventType>] extends [never] ? true : Exclude<Listed, EventType> = true;
const _complete: [Exclude<EventType, Listed>] extends [never] ? true : Exclude<EventType, Listed> = true;

export const ALL_EVENTS = '*';

/** The picker's options: everything, then each family (`points.*`) followed by its types. */
export function eventOptions(allLabel: string) {
  return [
    { value: ALL_EVENTS, label: allLabel },
    ...Object.entries(FAMILIES).map(([family, names]) => ({ group: family, items: [`${family}.*`, ...names.map((name) => `${family}.${name}`)] })),
  ];
}
