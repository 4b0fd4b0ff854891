// A datetime-local input's value is a time in the browser's own time zone; the API's are UTC.

/** A datetime-local input's value for a moment. */
export const localInput = (at: Date) => new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** The local time typed, as the API's UTC ISO 8601; what is not a time goes as typed, for the API to name. */
export function toUtc(local: string): string {
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}
