import { html, nothing } from 'lit';
import { rewardCost, wayToEarnDetail, wayToEarnTitle } from '../../../shopper/program-words.ts';
import type { Shopper } from '../storefront-client.ts';
import { givingSection } from './giving-view.ts';
import { profileSection } from './profile-view.ts';
import { membershipPlans, referralOffer, tiers } from './program-sections.ts';
import { surveySection } from './survey-view.ts';
import type { Reward, View, WayToEarn } from './view.ts';

/** A signed-in shopper: their points and what they buy, their codes, how to earn more, what their orders give, this quarter's question, their profile, their link. */
export function memberView(v: View, s: Shopper) {
  return html`${balance(v, s)} ${justRedeemed(v)} ${rewards(v, s)} ${codes(v, s)} ${waysToEarn(v)} ${givingSection(v)} ${surveySection(v)} ${profileSection(v)} ${referral(v)} ${cards(v, s)} ${challenges(v, s)}
    ${membershipPlans(v)} ${tiers(v)} ${activity(v)}`;
}

function balance({ w, program: p }: View, s: Shopper) {
  const progress = s.tier_progress;
  const next = s.points_expiry.next;
  const reach = progress ? w.t(`tiers.progress.${progress.metric}`, { value: progress.metric === 'amount_spent' ? w.money(progress.needed, p.currency) : progress.needed, tier: progress.next_tier_name }) : '';
  return html`<div class="hero" part="balance">
    <h3>${w.t('balance.title')}</h3>
    <p class="balance" data-balance=${s.points_balance}>${w.t('balance.points', { count: s.points_balance })}</p>
    ${s.pending.map((h) => html`<p class="muted">${w.t('balance.pending', { points: h.points, date: w.date(h.available_at) })}</p>`)}
    ${next ? html`<p class="muted">${w.t('balance.expiring', { points: next.points, date: w.date(next.expires_at) })}</p>` : nothing}
    ${s.tier ? html`<p><strong>${w.t('tiers.current', { tier: s.tier.name })}</strong></p>` : nothing}
    ${progress
      ? html`<div class="bar" role="progressbar" aria-label=${reach} aria-valuemin="0" aria-valuemax=${progress.current + progress.needed} aria-valuenow=${progress.current}><span style="inline-size: ${Math.min(100, (100 * progress.current) / Math.max(1, progress.current + progress.needed))}%"></span></div>
          <p class="muted">${reach}${progress.by ? ` ${w.t('tiers.by', { date: w.date(progress.by) })}` : ''}</p>`
      : s.tier
        ? html`<p class="muted">${w.t('tiers.top')}</p>`
        : nothing}
  </div>`;
}

function justRedeemed({ w, redeemed, copied, copy }: View) {
  if (!redeemed?.code) return nothing;
  return html`<section class="code" part="code" tabindex="-1" id="redeemed" aria-labelledby="redeemed-title">
    <span class="grow"><strong id="redeemed-title">${w.t('rewards.your_code', { reward: redeemed.reward_name })}</strong>
      <code>${redeemed.code}</code>
      ${redeemed.expires_at ? html`<span class="muted" style="display:block">${w.t('rewards.use_by', { date: w.date(redeemed.expires_at) })}</span>` : nothing}</span>
    <button class="button quiet" @click=${() => copy(redeemed.code!, 'code')}>${copied === 'code' ? w.t('rewards.copied') : w.t('rewards.copy')}</button>
  </section>`;
}

function rewards(v: View, s: Shopper) {
  const { w, program: p } = v;
  return html`<section aria-labelledby="rewards"><h3 id="rewards">${w.t('rewards.title')}</h3>
    ${p.rewards.length === 0 ? html`<p class="note">${w.t('rewards.none')}</p>` : html`<ul class="list">${p.rewards.map((r) => rewardRow(v, s, r))}</ul>`}
  </section>`;
}

function rewardRow(v: View, s: Shopper, r: Reward) {
  const { w, program: p } = v;
  const cost = r.points_cost ?? r.min_points ?? r.points_per_unit ?? 0;
  const short = cost - s.points_balance;
  const busy = v.busy === r.id;
  const payWithPoints = r.points_cost === null;
  const max = Math.min(s.points_balance, r.max_points ?? Infinity);
  const step = r.points_per_unit ?? 1;
  const usable = Math.floor(max / step) * step;
  return html`<li part="reward"><span class="grow"><strong id="reward-${r.id}"><bdi>${r.name}</bdi></strong>
      <span class="muted">${rewardCost(r, w, p.currency)}${short > 0 ? html` · ${w.t('rewards.to_go', { count: short })}` : nothing}</span></span>
    ${short > 0
      ? nothing
      : html`<button class="button" part="redeem" aria-describedby="reward-${r.id}" ?disabled=${busy} @click=${() => v.redeem(r, payWithPoints ? usable : undefined)}>
          ${busy ? w.t('rewards.redeeming') : w.t('rewards.redeem')}</button>`}
  </li>`;
}

function codes({ w, program: p, redeemed, copy, copied }: View, s: Shopper) {
  const shown = s.codes.filter((c) => c.code && c.code !== redeemed?.code);
  if (shown.length === 0) return nothing;
  const name = (rewardId: string) => p.rewards.find((r) => r.id === rewardId)?.name ?? '';
  return html`<section aria-labelledby="codes"><h3 id="codes">${w.t('rewards.codes')}</h3><ul class="list">
    ${shown.map(
      (c) => html`<li><span class="grow"><strong><bdi>${name(c.reward_id)}</bdi></strong><code>${c.code}</code>${c.expires_at ? html`<span class="muted" style="display:block">${w.t('rewards.use_by', { date: w.date(c.expires_at) })}</span>` : nothing}</span>
        <button class="button quiet" aria-describedby="code-${c.redemption_id}" @click=${() => copy(c.code!, c.redemption_id)}>${copied === c.redemption_id ? w.t('rewards.copied') : w.t('rewards.copy')}</button><span id="code-${c.redemption_id}" hidden>${c.code}</span></li>`,
    )}</ul></section>`;
}

function waysToEarn(v: View) {
  const { w, program: p } = v;
  if (p.ways_to_earn.length === 0) return nothing;
  return html`<section aria-labelledby="earn"><h3 id="earn">${w.t('earn.title')}</h3><ul class="list">
    ${p.ways_to_earn.map((way) => html`<li><span class="grow"><strong id="way-${way.id}">${wayToEarnTitle(way, w, p.currency)}</strong><span class="muted">${wayToEarnDetail(way, w)}</span></span>${way.claimable ? claim(v, way) : nothing}</li>`)}
  </ul></section>`;
}

function claim(v: View, way: WayToEarn) {
  const { w } = v;
  if (v.claimed.has(way.id)) return html`<span class="muted" role="status">${w.t('earn.claimed')}</span>`;
  if (way.event_type === 'birthday') {
    const save = (e: Event) => {
      e.preventDefault();
      const value = ((e.target as HTMLFormElement).elements.namedItem('birthday') as HTMLInputElement).value;
      if (value) v.claim(way, value);
    };
    return html`<form class="actions" @submit=${save}><label class="sr-only" for="birthday">${w.t('earn.birthday_label')}</label>
      <input id="birthday" name="birthday" type="date" required max=${new Date().toISOString().slice(0, 10)} />
      <button class="button quiet" ?disabled=${v.busy === way.id}>${w.t('earn.save')}</button></form>`;
  }
  return html`<button class="button quiet" aria-describedby="way-${way.id}" ?disabled=${v.busy === way.id} @click=${() => v.claim(way)}>${w.t('earn.claim')}</button>`;
}

function referral(v: View) {
  const { w, referral: r } = v;
  return html`<section aria-labelledby="referral"><h3 id="referral">${w.t('referral.title')}</h3>
    ${referralOffer(v)}
    ${r
      ? html`<label for="referral-link" class="muted">${w.t('referral.link')}</label>
          <input id="referral-link" class="link" part="referral-link" readonly .value=${r.link} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
          <div class="actions" style="margin-top:.6rem">
            <button class="button" part="copy-link" @click=${() => v.copy(r.link, 'link')}>${v.copied === 'link' ? w.t('referral.copied') : w.t('referral.copy')}</button>
            ${v.canShare ? html`<button class="button quiet" @click=${() => v.share()}>${w.t('referral.share')}</button>` : nothing}
            ${r.friends_referred ? html`<span class="muted">${w.t('referral.count', { count: r.friends_referred })}</span>` : nothing}
          </div>`
      : nothing}
  </section>`;
}

function cards({ w }: View, s: Shopper) {
  if (s.stamp_cards.length === 0) return nothing;
  return html`<section aria-labelledby="cards"><h3 id="cards">${w.t('cards.title')}</h3><ul class="list">
    ${s.stamp_cards.map((c) => html`<li><span class="grow"><strong><bdi>${c.name}</bdi></strong>${progressBar(w.t('cards.progress', { stamps: c.stamps, required: c.stamps_required }), c.stamps, c.stamps_required)}</span></li>`)}
  </ul></section>`;
}

function challenges({ w }: View, s: Shopper) {
  if (s.challenges.length === 0) return nothing;
  return html`<section aria-labelledby="challenges"><h3 id="challenges">${w.t('challenges.title')}</h3><ul class="list">
    ${s.challenges.map((c) => html`<li><span class="grow"><strong><bdi>${c.name}</bdi></strong>${c.done ? html`<span class="muted">${w.t('challenges.done')}</span>` : progressBar(w.t('challenges.progress', { count: c.count, target: c.target }), c.count, c.target)}</span></li>`)}
  </ul></section>`;
}

const progressBar = (label: string, value: number, max: number) =>
  html`<div class="bar" role="progressbar" aria-label=${label} aria-valuemin="0" aria-valuemax=${max} aria-valuenow=${Math.min(value, max)}><span style="inline-size: ${Math.min(100, (100 * value) / Math.max(1, max))}%"></span></div><span class="muted">${label}</span>`;

function activity(v: View) {
  const { w } = v;
  return html`<details @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && v.loadActivity()}><summary>${w.t('activity.title')}</summary>
    ${v.activity === undefined
      ? html`<p class="note">${w.t('loading')}</p>`
      : v.activity.length === 0
        ? html`<p class="note">${w.t('activity.none')}</p>`
        : html`<ul class="list">${v.activity.map((a) => {
            const label = w.t(`activity.${a.code}`);
            return html`<li><span class="grow"><strong>${label === `activity.${a.code}` ? w.t('activity.other') : label}</strong><span class="muted">${w.date(a.occurred_at)}</span></span>
              <span dir="ltr">${a.points + a.points_pending > 0 ? '+' : ''}${w.number(a.points + a.points_pending)}</span></li>`;
          })}</ul>`}
  </details>`;
}
