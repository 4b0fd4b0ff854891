import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { allowedDestinations, refusalOf } from './destination-guard.ts';
import { newWebhookSecret, signatureHeader, signWebhook } from './webhook-signature.ts';

describe('Standard Webhooks signatures', () => {
  it('reproduces the specification’s published test vector', () => {
    expect(signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs as the official library does, and two secrets give a header either verifies', () => {
    const [a, b] = [newWebhookSecret(), newWebhookSecret()];
    const at = Math.floor(Date.now() / 1000);
    const body = '{"id":"evt_1","type":"points.earned"}';
    expect(signWebhook(a, 'evt_1', at, body)).toBe(new Webhook(a).sign('evt_1', new Date(at * 1000), body));
    const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': String(at), 'webhook-signature': signatureHeader([a, b], 'evt_1', at, body) };
    expect(new Webhook(a).verify(body, headers)).toMatchObject({ type: 'points.earned' });
    expect(new Webhook(b).verify(body, headers)).toMatchObject({ type: 'points.earned' });
    expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(32);
  });
});

describe('where webhooks may go', () => {
  const none = allowedDestinations([]);
  it('refuses loopback, link-local, private, shared and mapped addresses, and lets public ones through', () => {
    for (const address of ['127.0.0.1', '127.8.8.8', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:169.254.169.254']) {
      expect(refusalOf(address, 'hooks.example', none), address).toMatch(/REGULARS_WEBHOOK_ALLOWED_HOSTS/);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111']) expect(refusalOf(address, 'hooks.example', none), address).toBeNull();
  });

  it('lets the operator allow hosts, addresses and ranges', () => {
    const allowed = allowedDestinations(['crm.internal', '10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
    expect(refusalOf('192.168.1.1', 'crm.internal', allowed)).toBeNull();
    expect(refusalOf('10.9.9.9', 'hooks.example', allowed)).toBeNull();
    expect(refusalOf('127.0.0.1', 'hooks.example', allowed)).toBeNull();
    expect(refusalOf('fd12::1', 'hooks.example', allowed)).toBeNull();
    expect(refusalOf('127.0.0.2', 'hooks.example', allowed)).not.toBeNull();
    expect(refusalOf('172.16.0.1', 'hooks.example', allowed)).not.toBeNull();
  });
});
