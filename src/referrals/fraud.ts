/** Referral fraud checks: each is a reason to flag a referral for an admin to decide. Pure. */
export type FraudFlag =
  | 'same_customer'
  | 'same_email'
  | 'not_new_customer'
  | 'same_ip'
  | 'same_device'
  | 'ip_velocity'
  | 'same_shipping_address'
  | 'advocate_placed_order';

/** Emails compared as people: case, +tags, and the dots Gmail ignores. */
export function normaliseEmail(email: string): string {
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@');
  const bare = local.split('+')[0]!;
  const gmail = domain === 'gmail.com' || domain === 'googlemail.com';
  return `${gmail ? bare.replaceAll('.', '') : bare}@${gmail ? 'gmail.com' : domain}`;
}

/** What is known of the advocate: their email and the hashes their own orders carried. */
export interface AdvocateTraces {
  id: string;
  email: string | null;
  ip_hashes: string[];
  device_hashes: string[];
  shipping_hashes: string[];
}

export interface SignupFacts {
  advocate: AdvocateTraces;
  friend: { id: string; email: string | null; orders_count: number };
  ip_hash?: string;
  device_hash?: string;
  /** Referrals already made from this IP in the last seven days. */
  referralsFromIp: number;
  ipLimitPerWeek: number;
}

export function signupFlags(f: SignupFacts): FraudFlag[] {
  const flags: FraudFlag[] = [];
  if (f.advocate.id === f.friend.id) flags.push('same_customer');
  if (f.advocate.email && f.friend.email && normaliseEmail(f.advocate.email) === normaliseEmail(f.friend.email)) flags.push('same_email');
  if (f.friend.orders_count > 0) flags.push('not_new_customer');
  if (f.ip_hash && f.advocate.ip_hashes.includes(f.ip_hash)) flags.push('same_ip');
  if (f.device_hash && f.advocate.device_hashes.includes(f.device_hash)) flags.push('same_device');
  if (f.ip_hash && f.referralsFromIp >= f.ipLimitPerWeek) flags.push('ip_velocity');
  return flags;
}

/** At the friend's first order: the advocate's address, or the advocate's own browser or device. */
export function firstOrderFlags(advocate: AdvocateTraces, order: { ip_hash: string | null; device_hash: string | null; shipping_address_hash: string | null }): FraudFlag[] {
  const flags: FraudFlag[] = [];
  if (order.shipping_address_hash && advocate.shipping_hashes.includes(order.shipping_address_hash)) flags.push('same_shipping_address');
  if ((order.ip_hash && advocate.ip_hashes.includes(order.ip_hash)) || (order.device_hash && advocate.device_hashes.includes(order.device_hash))) {
    flags.push('advocate_placed_order');
  }
  return flags;
}
