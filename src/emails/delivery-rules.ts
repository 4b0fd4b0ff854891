import { zoneOrUtc } from '../platform/time-zone.ts';

/**
 * Whether a message goes now, later, or not at all. Transactional mail goes to any address not
 * suppressed; marketing mail also needs consent, waits out the frequency cap (one per customer per
 * `capHours`) and the customer's quiet hours: deferred, not dropped. Pure.
 */
export interface Recipient {
  email: string | null;
  marketingConsent: boolean;
  timeZone: string | null;
  suppressed: boolean;
  lastMarketingAt: Date | undefined;
}

export interface SendingRules {
  capHours: number;
  quietHours: { start: string; end: string } | null;
}

export type Decision = { action: 'send' } | { action: 'defer'; until: Date; reason: string } | { action: 'suppress'; reason: string };

export function decide(category: 'marketing' | 'transactional', to: Recipient, rules: SendingRules, now: Date): Decision {
  if (!to.email) return { action: 'suppress', reason: 'no_email' };
  if (to.suppressed) return { action: 'suppress', reason: 'suppressed_address' };
  if (category === 'transactional') return { action: 'send' };
  if (!to.marketingConsent) return { action: 'suppress', reason: 'no_marketing_consent' };
  if (to.lastMarketingAt && rules.capHours > 0) {
    const free = new Date(to.lastMarketingAt.getTime() + rules.capHours * 3_600_000);
    if (free > now) return { action: 'defer', until: free, reason: 'frequency_cap' };
  }
  const quietUntil = rules.quietHours && endOfQuietHours(rules.quietHours, to.timeZone, now);
  if (quietUntil) return { action: 'defer', until: quietUntil, reason: 'quiet_hours' };
  return { action: 'send' };
}

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** The customer's wall-clock minutes since midnight, in their time zone (UTC when unknown or invalid). */
export function localMinutes(now: Date, timeZone: string | null): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zoneOrUtc(timeZone), hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/** When the quiet hours end, if it is within them now (a window may cross midnight, 21:00–08:00). */
export function endOfQuietHours(quiet: { start: string; end: string }, timeZone: string | null, now: Date): Date | undefined {
  const [start, end, local] = [minutesOf(quiet.start), minutesOf(quiet.end), localMinutes(now, timeZone)];
  if (start === end) return undefined;
  const inside = start < end ? local >= start && local < end : local >= start || local < end;
  if (!inside) return undefined;
  const wait = (end - local + 1440) % 1440;
  const at = new Date(now.getTime() + wait * 60_000);
  at.setUTCSeconds(0, 0);
  return at;
}
