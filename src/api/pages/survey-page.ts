import { html } from '../../platform/http/html.ts';
import { format, type Locale, type Messages } from '../../storefront/locales.ts';
import { pageShell } from './page-shell.ts';

export interface SurveyView {
  locale: Locale;
  messages: Messages;
  path: string;
  program: string;
  primaryColor?: string;
  /** The score chosen: the answer saved, else the number clicked in the email. */
  score?: number;
  comment?: string | null;
  /** What just happened: saved (with any points it earned), or a score is missing. */
  notice?: { saved: true; points: number } | { saved: false };
}

const SURVEY_STYLE = html`<style>
fieldset { border: 0; padding: 0; margin: 0 0 1.5rem; }
legend { padding: 0; font-weight: 600; font-size: 1.1rem; margin-bottom: .75rem; }
.scores { display: grid; grid-template-columns: repeat(11, minmax(2.5rem, 1fr)); gap: .35rem; }
@media (max-width: 36rem) { .scores { grid-template-columns: repeat(6, 1fr); } }
.scores input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.scores label { display: grid; place-items: center; min-height: 2.75rem; border: 2px solid var(--regulars-primary); border-radius: var(--regulars-radius); font-weight: 700; cursor: pointer; }
.scores input:checked + label { background: var(--regulars-primary); color: var(--regulars-on-primary); }
.scores input:focus-visible + label { outline: 3px solid var(--regulars-primary); outline-offset: 2px; }
.ends { display: flex; justify-content: space-between; gap: 1rem; font-size: .9rem; margin-top: .4rem; }
label.comment { display: block; font-weight: 600; margin-bottom: .4rem; }
textarea { width: 100%; min-height: 7rem; font: inherit; padding: .6rem; border: 1px solid color-mix(in srgb, var(--regulars-text) 40%, transparent); border-radius: var(--regulars-radius); }
main button { margin-top: 1rem; cursor: pointer; font: inherit; }
</style>`;

/** GET/POST /s/{token}: the 0–10 question and a comment; a GET only shows it (link scanners fetch links). */
export function surveyPage(v: SurveyView): string {
  const t = (id: string, values: Record<string, string> = {}) => format(v.messages, id, values, v.locale);
  const number = new Intl.NumberFormat(v.locale);
  const notice = !v.notice
    ? ''
    : v.notice.saved
      ? html`<div role="status"><p><strong>${t('survey.thanks')}</strong></p>${v.notice.points > 0 ? html`<p>${t('survey.points', { points: number.format(v.notice.points) })}</p>` : ''}<p class="muted">${t('survey.change')}</p></div>`
      : html`<p role="alert"><strong>${t('survey.choose')}</strong></p>`;
  const scores = Array.from({ length: 11 }, (_, n) => html`<input type="radio" name="score" id="score-${n}" value="${n}" ${v.score === n ? html`checked` : ''}><label for="score-${n}">${number.format(n)}</label>`);
  const main = html`${SURVEY_STYLE}${notice}
<form method="post" action="${v.path}">
<fieldset aria-describedby="ends">
<legend>${t('survey.question', { program: v.program })}</legend>
<div class="scores">${scores}</div>
<div class="ends muted" id="ends"><span>${t('survey.low')}</span><span>${t('survey.high')}</span></div>
</fieldset>
<label class="comment" for="comment">${t('survey.comment')}</label>
<textarea id="comment" name="comment" maxlength="2000">${v.comment ?? ''}</textarea>
<button class="button solid" type="submit">${t('survey.submit')}</button>
</form>`;
  return pageShell({ locale: v.locale, title: t('survey.title'), theme: v.primaryColor ? { primary_color: v.primaryColor } : {}, path: v.path, languagesLabel: t('page.languages'), hero: html`<h1>${t('survey.title')}</h1><p>${v.program}</p>`, main });
}

export function invalidSurveyPage(locale: Locale, messages: Messages, path: string): string {
  const t = (id: string) => format(messages, id, {}, locale);
  return pageShell({ locale, title: t('survey.title'), theme: {}, path, languagesLabel: t('page.languages'), hero: html`<h1>${t('survey.title')}</h1>`, main: html`<p>${t('survey.invalid')}</p>` });
}
