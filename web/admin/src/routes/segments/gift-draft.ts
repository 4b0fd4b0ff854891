// The gift dialog's draft: to whom (the segment it was opened on), what (points or a reward), why, and when.
import type { NewGift } from '../../hooks/api/gifts.ts';
import type { Segment } from '../../hooks/api/segments.ts';
import { unlessEmpty } from '../../hooks/use-form-dialog.ts';
import { localInput, toUtc } from '../../lib/local-time.ts';

export interface GiftDraft {
  segment: Pick<Segment, 'id' | 'name' | 'count'> | null;
  kind: 'points' | 'reward';
  points: number | '';
  reward_id: string;
  reason: string;
  when: 'now' | 'later';
  /** A datetime-local value, in the browser's time zone. */
  scheduled_at: string;
}

/** The fields the dialog shows, beside which the API's errors go; the rest (segment_id) above the form. */
export const GIFT_FIELDS = ['points', 'reward_id', 'reason', 'scheduled_at'] as const;

export const EMPTY_GIFT: GiftDraft = { segment: null, kind: 'points', points: '', reward_id: '', reason: '', when: 'now', scheduled_at: '' };

/** A gift to everyone in a segment, given now unless the merchant picks a time (offered: tomorrow at nine). */
export function giftFor(segment: Segment): GiftDraft {
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  return { ...EMPTY_GIFT, segment: { id: segment.id, name: segment.name, count: segment.count }, scheduled_at: localInput(tomorrow) };
}

/** Only what the choices ask for goes: the points or the reward, and a time only when one was picked. */
export function toGift(d: GiftDraft): NewGift {
  return {
    ...(d.segment ? { segment_id: d.segment.id } : {}),
    ...(d.kind === 'points' ? { points: unlessEmpty(d.points) } : { reward_id: d.reward_id }),
    reason: d.reason.trim(),
    ...(d.when === 'later' ? { scheduled_at: toUtc(d.scheduled_at) } : {}),
  };
}
