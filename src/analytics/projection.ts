/**
 * Revenue over the next months if customers keep coming back as they do now, and if retention were
 * a few points higher (the seeds' "keep 5% more of your customers" chart). A simple cohort model:
 * each month, the active customers who come back (retention) plus the new ones, each placing the
 * usual orders at the usual order value. Pure.
 */
export interface ProjectionInput {
  activeCustomers: number;
  monthlyRetention: number;
  newCustomersPerMonth: number;
  ordersPerActiveCustomer: number;
  averageOrderValue: number;
}

export function projectRevenue(input: ProjectionInput, months: number, retentionUplift = 0): { month: number; active: number; revenue: number }[] {
  const retention = Math.min(1, input.monthlyRetention + retentionUplift);
  const out = [];
  let active = input.activeCustomers;
  for (let m = 1; m <= months; m++) {
    active = active * retention + input.newCustomersPerMonth;
    out.push({ month: m, active: Math.round(active), revenue: Math.round(active * input.ordersPerActiveCustomer * input.averageOrderValue) });
  }
  return out;
}
