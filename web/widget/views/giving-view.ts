import { html, nothing } from 'lit';
import type { Words } from '../../../shopper/program-words.ts';
import type { ShopperGiving } from '../storefront-client.ts';
import type { View } from './view.ts';

type Cause = ShopperGiving['causes'][number];

/**
 * "Giving" (docs/rewards.md#merchant-funded-giving): the share of each order the store gives to a
 * cause, what the shopper has given so far, and the cause it goes to, chosen in a radio group
 * (arrow keys move along it) and saved with one button. Shown while the program gives on orders,
 * and afterwards to a shopper who has given something.
 */
export function givingSection(v: View) {
  const { w, giving: g } = v;
  if (!g || (!g.giving && g.given <= 0)) return nothing;
  return html`<section aria-labelledby="giving" part="giving"><h3 id="giving">${w.t('giving.title')}</h3>
    ${g.giving ? html`<p>${share(w, g, v.program.name)}</p>` : nothing}
    <p class="given" data-given=${g.given}>${g.given > 0 ? w.t('giving.given', { amount: w.money(g.given, g.currency) }) : w.t('giving.none_yet')}</p>
    ${g.giving && g.causes.length > 0 ? picker(v, g) : nothing}
  </section>`;
}

/** "With every order, Hatch gives 1% of it plus $0.25 to a cause." The percent in the locale's own form (١٪, 1%). */
function share(w: Words, g: ShopperGiving, store: string): string {
  const percent = new Intl.NumberFormat(w.locale, { style: 'percent', maximumFractionDigits: 2 }).format(g.percent / 100);
  const amount = w.money(g.fixed, g.currency);
  const id = g.percent > 0 && g.fixed > 0 ? 'giving.share_both' : g.percent > 0 ? 'giving.share_percent' : 'giving.share_fixed';
  return w.t(id, { store, percent, amount });
}

function picker(v: View, g: ShopperGiving) {
  const { w } = v;
  const busy = v.busy === 'giving';
  const store = g.causes.find((c) => c.id === g.default_cause_id);
  // A choice archived since is no choice: the order gives to the store's cause, and the form says so.
  const chosen = g.causes.some((c) => c.id === g.cause_id) ? g.cause_id : null;
  const save = (e: Event) => {
    e.preventDefault();
    const value = new FormData(e.target as HTMLFormElement).get('cause');
    v.chooseCause(value ? String(value) : null);
  };
  // The button stays enabled while saving (a disabled button drops the keyboard focus); a second press waits.
  return html`<form class="giving" @submit=${save}>
    <fieldset class="question">
      <legend>${w.t('giving.choose')}</legend>
      <label class="choice"><input type="radio" name="cause" value="" .checked=${chosen === null} /><span>${store ? w.t('giving.store_choice', { cause: store.name }) : w.t('giving.store_choice_none')}</span></label>
      ${g.causes.map((c) => cause(c, chosen === c.id))}
    </fieldset>
    <div class="actions">
      <button class="button" part="save-cause" aria-disabled=${busy ? 'true' : 'false'}>${busy ? w.t('giving.saving') : w.t('giving.save')}</button>
      ${v.givingNote ? html`<span class="muted">${v.givingNote}</span>` : nothing}
    </div>
  </form>`;
}

/** A cause by its name, its description read after it; both isolated, as the merchant may write them in another direction than the page's. */
function cause(c: Cause, checked: boolean) {
  const id = `cause-${c.id}`;
  return html`<label class="choice cause"
    ><input type="radio" name="cause" value=${c.id} .checked=${checked} aria-labelledby=${id} aria-describedby=${c.description ? `${id}-about` : nothing} />
    <span class="grow"><strong id=${id}><bdi>${c.name}</bdi></strong>${c.description ? html`<span class="muted" id="${id}-about"><bdi>${c.description}</bdi></span>` : nothing}</span></label
  >`;
}
