import { describe, expect, it } from 'vitest';
import { firstOrderFlags, normaliseEmail, signupFlags, type AdvocateTraces } from './fraud.ts';

const advocate: AdvocateTraces = { id: 'cus_a', email: 'Ada.Lovelace+shop@gmail.com', ip_hashes: ['ip1'], device_hashes: ['dev1'], shipping_hashes: ['addr1'] };
const base = { advocate, friend: { id: 'cus_f', email: 'friend@example.com', orders_count: 0 }, referralsFromIp: 0, ipLimitPerWeek: 3 };

describe('referral fraud checks', () => {
  it.each([
    ['Ada.Lovelace+shop@gmail.com', 'adalovelace@gmail.com'],
    ['a.b@googlemail.com', 'ab@gmail.com'],
    ['First.Last+x@Example.com', 'first.last@example.com'],
  ])('normalises %s to %s', (email, normalised) => {
    expect(normaliseEmail(email)).toBe(normalised);
  });

  it.each([
    ['a clean referral', {}, []],
    ['the same customer', { friend: { ...base.friend, id: 'cus_a' } }, ['same_customer']],
    ['the same person by email', { friend: { ...base.friend, email: 'adalovelace@gmail.com' } }, ['same_email']],
    ['a friend who already ordered', { friend: { ...base.friend, orders_count: 2 } }, ['not_new_customer']],
    ["the advocate's IP", { ip_hash: 'ip1' }, ['same_ip']],
    ["the advocate's device", { device_hash: 'dev1' }, ['same_device']],
    ['too many from one IP this week', { ip_hash: 'ip9', referralsFromIp: 3 }, ['ip_velocity']],
  ] as const)('%s', (_name, overrides, flags) => {
    expect(signupFlags({ ...base, ...overrides })).toEqual(flags);
  });

  it("the friend's first order at the advocate's address or from the advocate's device", () => {
    expect(firstOrderFlags(advocate, { ip_hash: null, device_hash: null, shipping_address_hash: 'addr1' })).toEqual(['same_shipping_address']);
    expect(firstOrderFlags(advocate, { ip_hash: 'ip1', device_hash: null, shipping_address_hash: 'addr2' })).toEqual(['advocate_placed_order']);
    expect(firstOrderFlags(advocate, { ip_hash: 'ip2', device_hash: 'dev2', shipping_address_hash: 'addr2' })).toEqual([]);
  });
});
