/**
 * A friend arrives at the store from a referral link with ?ref=CODE (the /r/{code} landing sends
 * them so). The code is kept in the browser until the friend is signed in; then the widget tells
 * the engine who referred them (POST /storefront/v1/referrals) and forgets it.
 */
const KEY = 'regulars-referral-code';

export function captureReferralCode(): void {
  const code = new URLSearchParams(location.search).get('ref');
  if (code && /^[A-Za-z0-9_-]{1,32}$/.test(code)) safely(() => localStorage.setItem(KEY, code));
}

export const pendingReferralCode = (): string | null => safely(() => localStorage.getItem(KEY)) ?? null;

export const forgetReferralCode = (): void => void safely(() => localStorage.removeItem(KEY));

/** Storage can be off (private windows, strict settings): the widget works without it. */
function safely<T>(use: () => T): T | undefined {
  try {
    return use();
  } catch {
    return undefined;
  }
}
