import { html, nothing } from 'lit';
import { rewardCost, tierThreshold, wayToEarnDetail, wayToEarnTitle } from '../../../shopper/program-words.ts';
import type { View } from './view.ts';

/** The parts of the program a guest and a member both see. */

export const howItWorks = ({ w }: View) => html`<section aria-labelledby="how"><h3 id="how">${w.t('how.title')}</h3>
  <ol class="steps"><li>${w.t('how.join')}</li><li>${w.t('how.earn')}</li><li>${w.t('how.redeem')}</li></ol></section>`;

export const guestWaysToEarn = ({ w, program: p }: View) =>
  p.ways_to_earn.length === 0
    ? nothing
    : html`<section aria-labelledby="earn"><h3 id="earn">${w.t('earn.title')}</h3><ul class="list">
        ${p.ways_to_earn.map((way) => html`<li><span class="grow"><strong>${wayToEarnTitle(way, w, p.currency)}</strong><span class="muted">${wayToEarnDetail(way, w)}</span></span></li>`)}
      </ul></section>`;

export const guestRewards = ({ w, program: p }: View) => html`<section aria-labelledby="rewards"><h3 id="rewards">${w.t('rewards.title')}</h3>
  ${p.rewards.length === 0 ? html`<p class="note">${w.t('rewards.none')}</p>` : html`<ul class="list">${p.rewards.map((r) => html`<li><span class="grow"><strong><bdi>${r.name}</bdi></strong><span class="muted">${rewardCost(r, w, p.currency)}</span></span></li>`)}</ul>`}
</section>`;

export const tiers = ({ w, program: p, shopper }: View) =>
  p.tiers.length === 0
    ? nothing
    : html`<section aria-labelledby="tiers"><h3 id="tiers">${w.t('tiers.title')}</h3><ul class="list">
        ${p.tiers.map(
          (tier) => html`<li aria-current=${shopper?.tier?.id === tier.id ? 'true' : nothing}><span class="grow"><strong><bdi>${tier.name}</bdi></strong>
            <span class="muted">${[tierThreshold(p.tier_metric, tier.threshold, w, p.currency), tier.multiplier > 1 ? w.t('tiers.multiplier', { multiplier: tier.multiplier }) : '', ...tier.perks].filter(Boolean).join(' · ')}</span></span></li>`,
        )}
      </ul></section>`;

export function referralOffer({ w, program: p }: View) {
  const { friend_reward, advocate_reward, advocate_points } = p.referral;
  const lines = [
    friend_reward && advocate_reward ? w.t('referral.offer', { friend: friend_reward, advocate: advocate_reward }) : friend_reward ? w.t('referral.offer_friend', { friend: friend_reward }) : '',
    advocate_points ? w.t('referral.offer_points', { points: advocate_points }) : '',
  ].filter(Boolean);
  return lines.map((line) => html`<p>${line}</p>`);
}

export const membershipPlans = ({ w, program: p, shopper }: View) => {
  if (p.membership_plans.length === 0) return nothing;
  const active = shopper?.memberships.find((m) => m.benefits_active);
  return html`<section aria-labelledby="plans"><h3 id="plans">${w.t('membership.title')}</h3>
    ${active ? html`<p>${w.t('membership.active', { date: w.date(active.current_period_end) })}</p>` : nothing}
    <ul class="list">${p.membership_plans.map(
      (plan) => html`<li><span class="grow"><strong><bdi>${plan.name}</bdi></strong><span class="muted">${[w.t(`membership.${plan.interval}`, { price: w.money(plan.price, p.currency) }), ...plan.perks].join(' · ')}</span></span>
        ${plan.join_url && active?.plan_id !== plan.id ? html`<a class="button quiet" href=${plan.join_url} aria-describedby="plan-${plan.id}">${w.t('membership.join')}</a><span id="plan-${plan.id}" hidden>${plan.name}</span>` : nothing}</li>`,
    )}</ul></section>`;
};
