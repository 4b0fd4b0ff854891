import type { Words } from '../../../shopper/program-words.ts';
import type { Theme } from '../../../shopper/theme.ts';
import { html } from '../../platform/http/html.ts';
import type { Locale } from '../../storefront/locales.ts';
import type { ReferralLanding } from '../../workflows/referral-link-visited.ts';
import { pageShell } from './page-shell.ts';
import { howItWorks } from './rewards-page.ts';

/** GET /r/{code}: the friend's offer and the way to the store with the code. */
export function referralLandingPage(landing: ReferralLanding, w: Words, locale: Locale, path: string): string {
  const { program: p } = landing;
  const reward = p.referral.friend_reward;
  const [before, after] = w.t('landing.code', { code: '\u0000' }).split('\u0000');
  const hero = html`<h1>${w.t('landing.title')}</h1>
<p>${reward ? w.t('landing.offer', { reward }) : w.t('landing.no_offer', { program: p.name })}</p>
<p>${before}<span class="code" dir="ltr">${landing.code}</span>${after}</p>
${landing.shopUrl ? html`<div class="actions"><a class="button solid" href="${landing.shopUrl}">${w.t('landing.cta')}</a></div>` : ''}`;
  return pageShell({ locale, title: w.t('landing.title'), theme: p.theme, path, languagesLabel: w.t('page.languages'), hero, main: howItWorks(w) });
}

/** A link that names no advocate (any more): said plainly, in the visitor's language. */
export function unknownReferralPage(w: Words, locale: Locale, path: string, theme: Theme = {}): string {
  return pageShell({ locale, title: w.t('landing.unknown'), theme, path, languagesLabel: w.t('page.languages'), hero: html`<h1>${w.t('landing.unknown')}</h1>`, main: html`` });
}
