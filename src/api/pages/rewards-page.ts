import { rewardCost, tierThreshold, wayToEarnDetail, wayToEarnTitle, type Words } from '../../../shopper/program-words.ts';
import { Html, html } from '../../platform/http/html.ts';
import type { Locale } from '../../storefront/locales.ts';
import type { StorefrontProgram } from '../../workflows/storefront-program.ts';
import { pageShell } from './page-shell.ts';

export interface RewardsPageContext {
  program: StorefrontProgram;
  words: Words;
  locale: Locale;
  slug: string;
  publishableKey: string;
}

/**
 * GET /rewards/{slug}: the program explained for anyone, complete without JavaScript. A shopper the
 * store sends here signed in (a customer token in the address's #fragment, which never reaches a
 * server log) also gets their account: the widget, inline.
 */
export function rewardsPage(c: RewardsPageContext): string {
  const { program: p, words: w } = c;
  const t = w.t;
  const hero = html`<h1>${t('page.title', { program: p.name })}</h1>
<p>${t('page.subtitle')}</p>
<div class="actions" data-guest>
${p.signup_url ? html`<a class="button solid" href="${p.signup_url}">${t('guest.join')}</a>` : ''}
${p.login_url ? html`<span>${t('guest.have_account')} <a href="${p.login_url}">${t('guest.sign_in')}</a></span>` : ''}
</div>`;
  const main = html`
<section id="account" hidden aria-label="${t('balance.title')}">
<regulars-widget mode="inline" publishable-key="${c.publishableKey}" locale="${c.locale}"></regulars-widget>
</section>
${howItWorks(w)}
${waysToEarn(c)}
${rewards(c)}
${tiers(c)}
${referral(c)}
${plans(c)}
<section aria-labelledby="faq"><h2 id="faq">${t('page.faq')}</h2>
${(['earn', 'redeem', 'expire'] as const).map((q) => html`<details><summary>${t(`faq.${q}.q`)}</summary><p>${t(`faq.${q}.a`)}</p></details>`)}
</section>`;
  return pageShell({ locale: c.locale, title: t('page.title', { program: p.name }), theme: p.theme, path: `/rewards/${c.slug}`, languagesLabel: t('page.languages'), hero, main, scripts: signedInScript(c.slug) });
}

export const howItWorks = (w: Words): Html => html`<section aria-labelledby="how"><h2 id="how">${w.t('how.title')}</h2>
<ol class="steps"><li>${w.t('how.join')}</li><li>${w.t('how.earn')}</li><li>${w.t('how.redeem')}</li></ol></section>`;

function waysToEarn({ program: p, words: w }: RewardsPageContext): Html | '' {
  if (p.ways_to_earn.length === 0) return '';
  return html`<section aria-labelledby="earn"><h2 id="earn">${w.t('earn.title')}</h2><ul class="cards">
${p.ways_to_earn.map((way) => html`<li><strong>${wayToEarnTitle(way, w, p.currency)}</strong><span class="muted">${wayToEarnDetail(way, w)}</span></li>`)}
</ul></section>`;
}

function rewards({ program: p, words: w }: RewardsPageContext): Html {
  return html`<section aria-labelledby="rewards"><h2 id="rewards">${w.t('rewards.title')}</h2>
${p.rewards.length === 0 ? html`<p>${w.t('rewards.none')}</p>` : html`<ul class="cards">${p.rewards.map((r) => html`<li><strong>${r.name}</strong><span class="muted">${rewardCost(r, w, p.currency)}</span>${r.description ? html`<p>${r.description}</p>` : ''}</li>`)}</ul>`}
</section>`;
}

function tiers({ program: p, words: w }: RewardsPageContext): Html | '' {
  if (p.tiers.length === 0) return '';
  return html`<section aria-labelledby="tiers"><h2 id="tiers">${w.t('tiers.title')}</h2><ul class="cards">
${p.tiers.map(
  (tier) => html`<li><strong>${tier.name}</strong><span class="muted">${tierThreshold(p.tier_metric, tier.threshold, w, p.currency)}</span>
${tier.multiplier > 1 || tier.perks.length ? html`<ul>${tier.multiplier > 1 ? html`<li>${w.t('tiers.multiplier', { multiplier: tier.multiplier })}</li>` : ''}${tier.perks.map((perk) => html`<li>${perk}</li>`)}</ul>` : ''}</li>`,
)}
</ul></section>`;
}

function referral({ program: p, words: w }: RewardsPageContext): Html | '' {
  const { friend_reward, advocate_reward, advocate_points } = p.referral;
  if (!friend_reward && !advocate_reward && !advocate_points) return '';
  const offer = friend_reward && advocate_reward ? w.t('referral.offer', { friend: friend_reward, advocate: advocate_reward }) : friend_reward ? w.t('referral.offer_friend', { friend: friend_reward }) : '';
  return html`<section aria-labelledby="referral"><h2 id="referral">${w.t('referral.title')}</h2>
${offer ? html`<p>${offer}</p>` : ''}${advocate_points ? html`<p>${w.t('referral.offer_points', { points: advocate_points })}</p>` : ''}
</section>`;
}

function plans({ program: p, words: w }: RewardsPageContext): Html | '' {
  if (p.membership_plans.length === 0) return '';
  return html`<section aria-labelledby="plans"><h2 id="plans">${w.t('membership.title')}</h2><ul class="cards">
${p.membership_plans.map(
  (plan) => html`<li><strong>${plan.name}</strong><span class="muted">${w.t(`membership.${plan.interval}`, { price: w.money(plan.price, p.currency) })}</span>
${plan.perks.length ? html`<ul>${plan.perks.map((perk) => html`<li>${perk}</li>`)}</ul>` : ''}
${plan.join_url ? html`<p><a class="button solid" href="${plan.join_url}">${w.t('membership.join')}</a></p>` : ''}</li>`,
)}
</ul></section>`;
}

/**
 * The store links a signed-in shopper here with their customer token in the fragment
 * (#token=<jwt>, or #customer_id=…&timestamp=…&signature=…). The page keeps it for the tab's
 * session, takes it out of the address bar, and shows the shopper's account.
 */
function signedInScript(slug: string): Html {
  const key = JSON.stringify(`regulars-token:${slug}`);
  return html`<script type="module">
function signIn() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const signature = fragment.get('signature');
  const fresh = fragment.get('token') ?? (signature ? 'customer_id=' + fragment.get('customer_id') + ', timestamp=' + fragment.get('timestamp') + ', signature=' + signature : null);
  if (fresh) { sessionStorage.setItem(${new Html(key)}, fresh); history.replaceState(null, '', location.pathname + location.search); }
  const token = sessionStorage.getItem(${new Html(key)});
  if (!token) return;
  const account = document.getElementById('account');
  account.querySelector('regulars-widget').setAttribute('customer-token', token);
  account.hidden = false;
  for (const guest of document.querySelectorAll('[data-guest]')) guest.hidden = true;
}
signIn();
addEventListener('hashchange', signIn);
</script>
<script type="module" src="/widget.js"></script>`;
}
