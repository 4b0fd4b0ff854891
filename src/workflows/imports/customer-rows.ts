import { isCalendarDate } from '../../platform/calendar-date.ts';

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
}

const yes = (v: string | undefined) => (v === undefined || v === '' ? null : ['yes', 'true', '1', 'subscribed'].includes(v.trim().toLowerCase()));
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A row of the plain format (`customer_id,email,first_name,last_name,birthday,tags,marketing_consent`)
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
    },
  };
}
