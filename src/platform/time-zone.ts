import { invalidRequest } from './errors.ts';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Refuses what is not an IANA time zone the runtime knows ("Europe/Paris", "Asia/Tehran", "UTC"). */
export function assertTimeZone(zone: string, param = 'time_zone'): string {
  if (!isTimeZone(zone)) throw invalidRequest('parameter_invalid', `"${zone}" is not a time zone: use an IANA name such as Europe/Paris.`, param);
  return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
}

/** The customer's zone when it is one the runtime knows, else UTC. */
export const zoneOrUtc = (zone: string | null | undefined): string => (zone && isTimeZone(zone) ? zone : 'UTC');
