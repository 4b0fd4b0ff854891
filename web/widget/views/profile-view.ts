import { html, nothing } from 'lit';
import type { Words } from '../../../shopper/program-words.ts';
import type { ProfileAnswers, ShopperProfile } from '../storefront-client.ts';
import type { View } from './view.ts';

type Question = ShopperProfile['questions'][number];

/**
 * "Tell us about you": the program's profile questions in the shopper's language, each with the
 * control its type needs (a radio group, checkboxes, a date, a text), their answers so far, what
 * completing the required ones earns, and one Save for all of them.
 */
export function profileSection(v: View) {
  const { w, profile: p } = v;
  if (!p || p.questions.length === 0) return nothing;
  const busy = v.busy === 'profile';
  const save = (e: Event) => {
    e.preventDefault();
    v.saveProfile(answersOf(e.target as HTMLFormElement, p.questions));
  };
  return html`<section aria-labelledby="profile" part="profile"><h3 id="profile">${w.t('profile.title')}</h3>
    <p class="muted">${p.completion_points > 0 ? w.t('profile.reward', { points: p.completion_points }) : w.t('profile.intro')}</p>
    <form class="profile" @submit=${save}>
      ${p.questions.map((q) => question(w, q))}
      <div class="actions">
        <button class="button" part="save-profile" ?disabled=${busy}>${busy ? w.t('profile.saving') : w.t('profile.save')}</button>
        ${v.profileNote ? html`<span class="muted">${v.profileNote}</span>` : nothing}
      </div>
    </form>
  </section>`;
}

function question(w: Words, q: Question) {
  const required = q.required ? html` <span class="muted">(${w.t('profile.required')})</span>` : nothing;
  const id = `question-${q.key}`;
  if (q.type === 'single_choice' || q.type === 'multiple_choice') {
    const chosen = new Set(Array.isArray(q.answer) ? q.answer : q.answer ? [q.answer] : []);
    const kind = q.type === 'single_choice' ? 'radio' : 'checkbox';
    return html`<fieldset class="question">
      <legend>${q.text}${required}</legend>
      ${q.options.map((o) => html`<label class="choice"><input type=${kind} name=${q.key} value=${o.value} .checked=${chosen.has(o.value)} /><bdi>${o.label}</bdi></label>`)}
    </fieldset>`;
  }
  const value = typeof q.answer === 'string' ? q.answer : '';
  return html`<div class="question">
    <label for=${id}>${q.text}${required}</label>
    ${q.type === 'date'
      ? html`<input id=${id} name=${q.key} type="date" max=${new Date().toISOString().slice(0, 10)} .value=${value} />`
      : html`<input id=${id} name=${q.key} type="text" class="field" maxlength="500" autocomplete="off" .value=${value} />`}
  </div>`;
}

/** What the form says now, by question key: only what is given, and null where an answer was cleared. */
function answersOf(form: HTMLFormElement, questions: Question[]): ProfileAnswers {
  const data = new FormData(form);
  const answers: ProfileAnswers = {};
  for (const q of questions) {
    const given = q.type === 'multiple_choice' ? data.getAll(q.key).map(String) : String(data.get(q.key) ?? '').trim();
    if (given.length > 0) answers[q.key] = given;
    else if (q.answer !== null) answers[q.key] = null;
  }
  return answers;
}
