import { css, unsafeCSS } from 'lit';
import { DEFAULT_THEME } from '../../shopper/theme.ts';

const d = DEFAULT_THEME;

/**
 * The widget's look: every colour, the font and the radius are custom properties (the program's
 * theme sets them; a page can override any on the element), and parts are exposed for ::part().
 * Logical properties throughout, so right-to-left needs no second stylesheet.
 */
export const styles = css`
  :host {
    --regulars-primary: ${unsafeCSS(d.primary_color)};
    --regulars-on-primary: #ffffff;
    --regulars-text: ${unsafeCSS(d.text_color)};
    --regulars-background: ${unsafeCSS(d.background_color)};
    --regulars-font: ${unsafeCSS(d.font_family)};
    --regulars-radius: ${unsafeCSS(d.radius_px)}px;
    --line: color-mix(in srgb, var(--regulars-text) 16%, transparent);
    --soft: color-mix(in srgb, var(--regulars-primary) 8%, var(--regulars-background));
    --muted: color-mix(in srgb, var(--regulars-text) 72%, var(--regulars-background));
    font: 15px/1.5 var(--regulars-font);
    color: var(--regulars-text);
  }
  :host([mode='inline']), :host([mode='order']) { display: block; }
  * { box-sizing: border-box; }
  button, input, a { font: inherit; }
  :focus-visible { outline: 3px solid var(--regulars-primary); outline-offset: 2px; }
  .launcher {
    position: fixed; inset-block-end: 1.25rem; inset-inline-end: 1.25rem; z-index: 2147483000;
    display: inline-flex; align-items: center; gap: .5rem; min-height: 3rem; padding: .7rem 1.2rem;
    border: 0; border-radius: 999px; cursor: pointer; font-weight: 650;
    background: var(--regulars-primary); color: var(--regulars-on-primary);
    box-shadow: 0 6px 20px rgb(0 0 0 / .22);
  }
  .launcher.start { inset-inline-end: auto; inset-inline-start: 1.25rem; }
  .launcher:focus-visible { outline-color: var(--regulars-text); outline-offset: 3px; }
  svg { width: 1.25rem; height: 1.25rem; flex: none; fill: currentColor; }
  dialog {
    margin: 0; padding: 0; border: 0; color: var(--regulars-text); background: var(--regulars-background);
    position: fixed; inset-block: 0; inset-inline: auto 0; width: min(27rem, 100vw); height: 100%; max-height: 100%; max-width: 100vw;
    box-shadow: 0 0 40px rgb(0 0 0 / .25); overflow: hidden;
  }
  dialog.start { inset-inline: 0 auto; }
  dialog[open] { display: flex; flex-direction: column; }
  dialog::backdrop { background: rgb(15 23 42 / .45); }
  @media (prefers-reduced-motion: no-preference) {
    dialog[open] { animation: slide .22s ease-out; }
    @keyframes slide { from { transform: translateX(calc(var(--slide, 1) * 2rem)); opacity: 0; } }
  }
  dialog { --slide: 1; }
  dialog.start, .rtl dialog { --slide: -1; }
  .rtl dialog.start { --slide: 1; }
  header.top { display: flex; align-items: center; gap: .75rem; padding: 1rem 1.1rem; background: var(--regulars-primary); color: var(--regulars-on-primary); }
  header.top h2 { flex: 1; margin: 0; font-size: 1.1rem; }
  .close { border: 0; background: transparent; color: inherit; width: 2.75rem; height: 2.75rem; border-radius: 50%; cursor: pointer; font-size: 1.6rem; line-height: 1; }
  .close:focus-visible { outline-color: var(--regulars-on-primary); }
  .body { overflow-y: auto; padding: 1rem 1.1rem 2rem; flex: 1; }
  .inline { border: 1px solid var(--line); border-radius: var(--regulars-radius); padding: 1rem 1.1rem; background: var(--regulars-background); }
  section { margin-block: 0 1.6rem; }
  h3 { font-size: 1rem; margin: 0 0 .6rem; }
  p { margin: 0 0 .6rem; }
  ul.list { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
  ul.list > li { display: flex; align-items: center; gap: .75rem; padding: .7rem .8rem; border: 1px solid var(--line); border-radius: var(--regulars-radius); }
  .grow { flex: 1; min-width: 0; }
  .grow strong { display: block; }
  .muted { color: var(--muted); font-size: .9rem; }
  .hero { background: var(--soft); border-radius: var(--regulars-radius); padding: 1rem; margin-block-end: 1.4rem; }
  .balance { font-size: 2rem; font-weight: 750; line-height: 1.1; margin: 0 0 .35rem; }
  .button {
    display: inline-flex; align-items: center; justify-content: center; min-height: 2.75rem; padding: .5rem 1rem;
    border-radius: var(--regulars-radius); border: 2px solid var(--regulars-primary); cursor: pointer; font-weight: 650; text-decoration: none;
    background: var(--regulars-primary); color: var(--regulars-on-primary); white-space: nowrap;
  }
  .button.quiet { background: transparent; color: var(--regulars-primary); }
  .button[disabled], .button[aria-disabled='true'] { opacity: .6; cursor: not-allowed; }
  .actions { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; }
  .bar { height: .5rem; background: var(--line); border-radius: 999px; overflow: hidden; margin-block: .4rem; }
  .bar > span { display: block; height: 100%; background: var(--regulars-primary); }
  .code { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; padding: .8rem; border: 2px dashed var(--regulars-primary); border-radius: var(--regulars-radius); margin-block: .6rem; }
  .code output, .code code { font: 700 1.15rem ui-monospace, SFMono-Regular, Menlo, monospace; letter-spacing: .06em; direction: ltr; unicode-bidi: isolate; }
  .link { font: .9rem ui-monospace, monospace; padding: .55rem .6rem; border: 1px solid var(--line); border-radius: calc(var(--regulars-radius) / 2); inline-size: 100%; direction: ltr; background: var(--regulars-background); color: var(--regulars-text); }
  .alert { padding: .7rem .8rem; border-radius: var(--regulars-radius); background: #fdecea; color: #8a1c12; margin-block-end: 1rem; }
  .note { color: var(--muted); }
  ol.steps { margin: 0; padding-inline-start: 1.3rem; display: grid; gap: .25rem; }
  details > summary { cursor: pointer; font-weight: 650; padding-block: .6rem; }
  input[type='date'] { min-height: 2.75rem; padding: .3rem .5rem; border: 1px solid var(--line); border-radius: calc(var(--regulars-radius) / 2); color: var(--regulars-text); background: var(--regulars-background); }
  form.profile { display: grid; gap: 1rem; }
  .question { display: grid; gap: .4rem; margin: 0; padding: 0; border: 0; min-inline-size: 0; }
  .question > legend, .question > label:not(.choice) { font-weight: 600; padding: 0; margin-block-end: .4rem; }
  .choice { display: flex; align-items: center; gap: .6rem; min-height: 2.75rem; padding-inline: .7rem; border: 1px solid var(--line); border-radius: calc(var(--regulars-radius) / 2); cursor: pointer; }
  .choice:has(input:checked) { border-color: var(--regulars-primary); background: var(--soft); }
  .choice input { inline-size: 1.15rem; block-size: 1.15rem; margin: 0; flex: none; accent-color: var(--regulars-primary); }
  form.giving { display: grid; gap: 1rem; }
  .choice.cause { padding-block: .45rem; }
  .given { font-weight: 650; }
  .field { min-height: 2.75rem; padding: .4rem .6rem; inline-size: 100%; border-radius: calc(var(--regulars-radius) / 2); color: var(--regulars-text); background: var(--regulars-background); }
  .question .field, .question input[type='date'] { border: 1px solid var(--muted); }
  form.survey { display: grid; gap: 1rem; container-type: inline-size; }
  .scores { display: grid; grid-template-columns: repeat(6, 1fr); gap: .35rem; }
  @container (min-width: 370px) { .scores { grid-template-columns: repeat(11, 1fr); gap: .25rem; } }
  .score { position: relative; }
  .score input { position: absolute; inset: 0; inline-size: 100%; block-size: 100%; margin: 0; opacity: 0; cursor: pointer; }
  .score span { display: grid; place-items: center; min-block-size: 2.75rem; border: 1px solid var(--muted); border-radius: calc(var(--regulars-radius) / 2); font-weight: 650; }
  .score:hover span { border-color: var(--regulars-primary); background: var(--soft); }
  .score input:checked + span { border-color: var(--regulars-primary); background: var(--regulars-primary); color: var(--regulars-on-primary); }
  .score input:focus-visible + span { outline: 3px solid var(--regulars-primary); outline-offset: 2px; }
  .ends { display: flex; justify-content: space-between; gap: 1rem; }
  form.survey:has(input:checked) .choose { display: none; }
  textarea.field { font: inherit; resize: vertical; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .order { display: flex; gap: .8rem; align-items: center; padding: 1rem; border-radius: var(--regulars-radius); background: var(--soft); }
`;
