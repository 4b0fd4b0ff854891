/**
 * From a transaction log to the per-customer summary the models fit: purchases on the same day
 * are one purchase (values summed); x = repeat purchase days, t_x = first to last purchase,
 * T = first purchase to the end of calibration, in the chosen unit; m_x = mean value of the
 * repeat purchase days (0 when x = 0). Only purchases up to the calibration end count.
 */
export interface Transaction {
  customerId: string;
  /** YYYY-MM-DD */
  date: string;
  /** In any consistent unit (dollars, minor units). */
  amount: number;
}

export interface CustomerSummary {
  customerId: string;
  x: number;
  t_x: number;
  T: number;
  m_x: number;
}

const DAY_MS = 86_400_000;

export function summarise(transactions: Transaction[], calibrationEnd: string, unit: 'week' | 'day'): CustomerSummary[] {
  const end = Date.parse(`${calibrationEnd}T00:00:00Z`);
  const perUnit = unit === 'week' ? 7 : 1;
  const days = new Map<string, Map<string, number>>();
  for (const t of transactions) {
    if (Date.parse(`${t.date}T00:00:00Z`) > end) continue;
    const byDay = days.get(t.customerId) ?? new Map<string, number>();
    byDay.set(t.date, (byDay.get(t.date) ?? 0) + t.amount);
    days.set(t.customerId, byDay);
  }
  return [...days].map(([customerId, byDay]) => {
    const sorted = [...byDay].sort(([a], [b]) => a.localeCompare(b));
    const first = Date.parse(`${sorted[0]![0]}T00:00:00Z`);
    const last = Date.parse(`${sorted.at(-1)![0]}T00:00:00Z`);
    const repeat = sorted.slice(1).map(([, v]) => v);
    return {
      customerId,
      x: repeat.length,
      t_x: (last - first) / DAY_MS / perUnit,
      T: (end - first) / DAY_MS / perUnit,
      m_x: repeat.length ? repeat.reduce((s, v) => s + v, 0) / repeat.length : 0,
    };
  });
}
