import { html, nothing } from 'lit';
import type { Words } from '../../../shopper/program-words.ts';
import type { ShopperOrder, StorefrontProgram } from '../storefront-client.ts';

/**
 * The order-confirmation block: what the order earned once the store has told the engine, an
 * estimate from the program's purchase rules until then; a guest is invited to keep the points.
 */
export function orderView(w: Words, program: StorefrontProgram, order: { total?: number; earned?: ShopperOrder; signedIn: boolean }) {
  const estimate = order.total === undefined ? 0 : estimatePoints(program, order.total);
  const earned = order.earned?.points_earned;
  if (earned === undefined && estimate === 0) return nothing;
  return html`<div class="order" part="order" role="status">
    <span class="grow">
      <strong>${earned !== undefined ? w.t('order.earned', { points: earned }) : w.t('order.estimate', { points: estimate })}</strong>
      ${order.signedIn ? nothing : html`<span style="display:block">${w.t('order.keep')}</span>`}
    </span>
    ${!order.signedIn && program.signup_url ? html`<a class="button" part="join" href=${program.signup_url}>${w.t('guest.join')}</a>` : nothing}
  </div>`;
}

/** Points per unit and per order, before multipliers and product filters: hence "about". */
export function estimatePoints(program: StorefrontProgram, totalMinor: number): number {
  return program.ways_to_earn.reduce((sum, way) => {
    if (way.type === 'points_per_unit') return sum + Math.floor(totalMinor / (way.unit_amount ?? 100)) * (way.points ?? 0);
    if (way.type === 'fixed_per_order') return sum + (way.points ?? 0);
    return sum;
  }, 0);
}
