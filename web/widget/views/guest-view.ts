import { html, nothing } from 'lit';
import { guestRewards, guestWaysToEarn, howItWorks, membershipPlans, referralOffer, tiers } from './program-sections.ts';
import type { View } from './view.ts';

/** A shopper without a customer token: what the program is and how to join. */
export function guestView(v: View) {
  const { w, program: p } = v;
  const offer = referralOffer(v);
  return html`
    <div class="hero">
      <p class="balance" role="heading" aria-level="3">${w.t('guest.title', { program: p.name })}</p>
      <p>${w.t('guest.intro')}</p>
      <div class="actions">
        ${p.signup_url ? html`<a class="button" part="join" href=${p.signup_url}>${w.t('guest.join')}</a>` : nothing}
        ${p.login_url ? html`<span>${w.t('guest.have_account')} <a href=${p.login_url}>${w.t('guest.sign_in')}</a></span>` : nothing}
      </div>
    </div>
    ${howItWorks(v)} ${guestWaysToEarn(v)} ${guestRewards(v)} ${tiers(v)}
    ${offer.length ? html`<section aria-labelledby="referral"><h3 id="referral">${w.t('referral.title')}</h3>${offer}</section>` : nothing}
    ${membershipPlans(v)}
  `;
}
