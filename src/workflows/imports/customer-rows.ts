import { isCalendarDate } from '../../platform/calendar-date.ts';
import { isTimeZone } from '../../platform/time-zone.ts';
import { matchLocale } from '../../storefront/locales.ts';

/** One customer of an import file, validated: the platform's id and/or email, and profile fields. */
export interface ImportedCustomer {
  line: number;
  external_id: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  birthday: string | null;
  tags: string[];
  marketing_consent: boolean | null;
  locale: string | null;
  time_zone: string | null;
}

const yes = (v: string | undefined) => (v === undefined || v === '' ? null : ['yes', 'true', '1', 'subscribed'].includes(v.trim().toLowerCase()));
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A row of the plain format (`customer_id,email,first_name,last_name,birthday,tags,marketing_consent`,
 * and optionally `locale` (en, ar, fa, zh-Hans, zh-Hant, or a tag such as ar-EG) and `time_zone`)
 * or of Shopify's customer export (`Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Tags`).
 */
export function customerRow(row: Record<string, string>, line: number): { ok: ImportedCustomer } | { error: string } {
  const externalId = row.customer_id ?? row['Customer ID'] ?? '';
  const mail = (row.email ?? row.Email ?? '').trim();
  if (!externalId && !mail) return { error: 'customer_id or email is required' };
  if (mail && !email.test(mail)) return { error: `email "${mail}" is not an email address` };
  const birthday = (row.birthday ?? '').trim();
  if (birthday && (birthday.length !== 10 || !isCalendarDate(birthday))) return { error: `birthday "${birthday}" is not YYYY-MM-DD` };
  const tags = (row.tags ?? row.Tags ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const asked = (row.locale ?? '').trim();
  const locale = asked ? matchLocale(asked) : undefined;
  if (asked && !locale) return { error: `locale "${asked}" is not one of en, ar, fa, zh-Hans, zh-Hant` };
  const zone = (row.time_zone ?? '').trim();
  if (zone && !isTimeZone(zone)) return { error: `time_zone "${zone}" is not a time zone (use an IANA name such as Europe/Paris)` };
  return {
    ok: {
      line,
      external_id: externalId.trim().replace(/^'/, '') || null,
      email: mail || null,
      first_name: (row.first_name ?? row['First Name'] ?? '').trim() || null,
      last_name: (row.last_name ?? row['Last Name'] ?? '').trim() || null,
      birthday: birthday || null,
      tags,
      marketing_consent: yes(row.marketing_consent ?? row['Accepts Email Marketing'] ?? row['Accepts Marketing']),
      locale: locale ?? null,
      time_zone: zone || null,
    },
  };
}
