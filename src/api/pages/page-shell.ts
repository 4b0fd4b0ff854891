import { themeProperties, type Theme } from '../../../shopper/theme.ts';
import { Html, html } from '../../platform/http/html.ts';
import { LOCALES, RTL, type Locale } from '../../storefront/locales.ts';

/** Each language by its own name, for the language links. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ar: 'العربية', fa: 'فارسی', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };

const STYLE = `
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 16px/1.55 var(--regulars-font); color: var(--regulars-text); background: var(--regulars-background); }
a { color: var(--regulars-primary); }
:focus-visible { outline: 3px solid var(--regulars-primary); outline-offset: 2px; }
header.hero { background: var(--regulars-primary); color: var(--regulars-on-primary); padding: 3rem 1.25rem 2.5rem; }
header.hero a { color: inherit; }
.wrap { max-width: 56rem; margin-inline: auto; }
h1 { font-size: clamp(1.7rem, 4vw, 2.4rem); line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 0 0 1rem; }
main { padding: 1rem 1.25rem 3rem; }
section { margin-block: 2.5rem; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 1.5rem; }
.button { display: inline-block; padding: .7rem 1.3rem; border-radius: var(--regulars-radius); font-weight: 600; text-decoration: none; border: 2px solid currentColor; }
.button.solid { background: var(--regulars-on-primary); color: var(--regulars-primary); border-color: var(--regulars-on-primary); }
main .button.solid { background: var(--regulars-primary); color: var(--regulars-on-primary); border-color: var(--regulars-primary); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 1rem; padding: 0; margin: 0; list-style: none; }
.cards li { border: 1px solid color-mix(in srgb, var(--regulars-text) 18%, transparent); border-radius: var(--regulars-radius); padding: 1rem 1.1rem; }
.cards strong { display: block; font-size: 1.05rem; }
.muted { color: color-mix(in srgb, var(--regulars-text) 75%, var(--regulars-background)); }
ol.steps { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 1rem; padding: 0; list-style: none; counter-reset: step; }
ol.steps li { counter-increment: step; padding-inline-start: 2.6rem; position: relative; }
ol.steps li::before { content: counter(step); position: absolute; inset-inline-start: 0; top: -.1rem; width: 2rem; height: 2rem; border-radius: 50%; background: var(--regulars-primary); color: var(--regulars-on-primary); display: grid; place-items: center; font-weight: 700; }
details { border-bottom: 1px solid color-mix(in srgb, var(--regulars-text) 18%, transparent); padding: .8rem 0; }
summary { cursor: pointer; font-weight: 600; }
nav.languages { display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9rem; margin-bottom: 1.5rem; }
nav.languages a[aria-current] { font-weight: 700; text-decoration: none; }
.code { font: 600 1.4rem ui-monospace, monospace; letter-spacing: .08em; padding: .6rem 1rem; border: 2px dashed currentColor; border-radius: var(--regulars-radius); display: inline-block; }
footer { padding: 2rem 1.25rem; font-size: .85rem; }
@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
`;

export interface PageFrame {
  locale: Locale;
  title: string;
  theme: Theme;
  /** The page's own path, for the language links (?locale=…). */
  path: string;
  /** "Language", in the page's language. */
  languagesLabel: string;
  hero: Html;
  main: Html;
  scripts?: Html;
}

/** A hosted page: its language and direction, the merchant's theme, and the language links. */
export function pageShell(frame: PageFrame): string {
  // Raw text inside <style> (entities are not decoded there); the theme's values cannot hold < or > (PATCH /v1/program).
  const properties = new Html(
    Object.entries(themeProperties(frame.theme))
      .map(([name, value]) => `${name}: ${value.replace(/[<>]/g, '')};`)
      .join(' '),
  );
  const languages = LOCALES.map((l) => html`<a href="${frame.path}?locale=${l}" lang="${l}" hreflang="${l}" ${l === frame.locale ? html`aria-current="true"` : ''}>${LANGUAGE_NAMES[l]}</a>`);
  return html`<!doctype html>
<html lang="${frame.locale}" dir="${RTL.has(frame.locale) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title}</title>
<style>:root { ${properties} }${STYLE}</style>
</head>
<body>
<header class="hero"><div class="wrap">
<nav class="languages" aria-label="${frame.languagesLabel}">${languages}</nav>
${frame.hero}
</div></header>
<main><div class="wrap">${frame.main}</div></main>
${frame.scripts ?? ''}
</body>
</html>
`.text;
}
