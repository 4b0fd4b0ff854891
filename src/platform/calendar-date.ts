/** Whether text starts with a day that exists, YYYY-MM-DD: Date.parse reads 2026-02-30 as 2 March. */
export function isCalendarDate(text: string): boolean {
  const day = text.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}
