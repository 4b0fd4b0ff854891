import { html, nothing } from 'lit';
import type { View } from './view.ts';

const SCORES = Array.from({ length: 11 }, (_, n) => n);

/**
 * "A quick question": how likely the shopper is to recommend the store, 0 to 10 as a radio group
 * (arrow keys move along it), an optional comment, and what answering earns on the button. Asked
 * once a quarter (docs/surveys.md); once answered here it thanks, and on later visits it is gone.
 */
export function surveySection(v: View) {
  const { w, survey: s } = v;
  if (!s) return nothing;
  if (v.surveyEarned !== undefined) return thanks(v, v.surveyEarned);
  if (!s.ask) return nothing;
  const busy = v.busy === 'survey';
  const send = (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const score = data.get('score');
    const comment = String(data.get('comment') ?? '').trim();
    v.answerSurvey(score === null ? null : Number(score), comment || null);
  };
  return html`<section aria-labelledby="survey" part="survey"><h3 id="survey">${w.t('survey.title')}</h3>
    <form class="survey" @submit=${send}>
      <fieldset class="question" aria-describedby="survey-ends">
        <legend>${w.t('survey.question', { program: v.program.name })}</legend>
        <div class="scores">${SCORES.map((n) => html`<label class="score"><input type="radio" name="score" value=${n} /><span>${w.number(n)}</span></label>`)}</div>
        <div class="ends muted" id="survey-ends"><span>${w.t('survey.low')}</span><span>${w.t('survey.high')}</span></div>
      </fieldset>
      <div class="question">
        <label for="survey-comment">${w.t('survey.comment')}</label>
        <textarea id="survey-comment" name="comment" class="field" rows="3" maxlength="2000"></textarea>
      </div>
      <div class="actions">
        <button class="button" part="answer-survey" ?disabled=${busy}>${busy ? w.t('survey.sending') : s.points > 0 ? w.t('survey.earn', { points: s.points }) : w.t('survey.submit')}</button>
        ${v.surveyNote ? html`<span class="muted choose" role="alert">${v.surveyNote}</span>` : nothing}
      </div>
    </form>
  </section>`;
}

/** Just answered: thanks, and the points it earned (none when the answer changed an earlier one). */
function thanks({ w }: View, earned: number) {
  return html`<section aria-labelledby="survey" part="survey" class="hero"><h3 id="survey">${w.t('survey.title')}</h3>
    <p id="survey-thanks" tabindex="-1"><strong>${w.t('survey.thanks')}</strong></p>
    ${earned > 0 ? html`<p class="muted">${w.t('survey.earned', { points: earned })}</p>` : nothing}
  </section>`;
}
