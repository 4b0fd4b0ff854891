import { Liquid, LiquidError } from 'liquidjs';
import mjml2html from 'mjml';
import { DEFAULT_THEME, readableOn } from '../../shopper/theme.ts';
import { invalidRequest } from '../platform/errors.ts';
import { format, RTL, type Locale, type Messages } from '../storefront/locales.ts';
import type { EmailVariables } from './variables.ts';

/** What a merchant edits of an email: Liquid in each part; the layout around it is ours. */
export interface EmailContent {
  subject: string;
  preheader: string;
  heading: string;
  body: string;
  button: string;
}
export const CONTENT_FIELDS = ['subject', 'preheader', 'heading', 'body', 'button'] as const;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface Layout {
  locale: Locale;
  messages: Messages;
  programName: string;
  primaryColor?: string;
  postalAddress?: string | null;
  /** Marketing mail says why it came and how to stop it; transactional mail says it is about the account. */
  marketing: boolean;
}

const options = { strictFilters: true, ownPropertyOnly: true, cache: true } as const;
// Values are HTML-escaped in what becomes HTML (a shopper's name is not markup); the subject and
// the preheader are plain text.
const htmlLiquid = new Liquid({ ...options, outputEscape: 'escape' });
const textLiquid = new Liquid(options);
// In a right-to-left sentence a value written left to right ("$5 off", an email address) is
// isolated (FSI … PDI), or the bidi algorithm reorders it with the words around it.
const isolate = (value: unknown) => `\u2068${String(value ?? '')}\u2069`;
const escapeHtml = (value: unknown) => String(value ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const rtlHtmlLiquid = new Liquid({ ...options, outputEscape: (value: unknown) => isolate(escapeHtml(value)) });
const rtlTextLiquid = new Liquid({ ...options, outputEscape: isolate });
/** Links keep no isolation marks: they are addresses, not words. */
const unisolateLinks = (html: string) => html.replace(/href="([^"]*)"/g, (_whole, url: string) => `href="${url.replace(/[\u2068\u2069]/g, '')}"`);
// The body's own markup is limited to what survives every mail client: bold, links, line breaks.
const ALLOWED_TAGS = /<(?!\/?(strong|a|br)\b)[^>]*>/gi;

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Refuses content that does not parse, naming the part and the line, before it is saved. */
export function checkContent(content: EmailContent): void {
  for (const field of CONTENT_FIELDS) {
    try {
      htmlLiquid.parse(content[field]);
    } catch (error) {
      const line = error instanceof LiquidError ? (/line:(\d+)/.exec(error.message)?.[1] ?? '1') : '1';
      throw invalidRequest('template_invalid', `${field}, line ${line}: ${error instanceof Error ? error.message.split(', line:')[0] : String(error)}.`, field);
    }
  }
}

/** Refuses content that does not parse or does not render with sample data, before it is saved. */
export async function checkRenders(content: EmailContent, locale: Locale, messages: Messages, variables: EmailVariables): Promise<void> {
  checkContent(content);
  await renderEmail(content, variables, { locale, messages, programName: 'Preview', marketing: true }).catch((error: unknown) => {
    throw invalidRequest('template_invalid', `The template does not render: ${error instanceof Error ? error.message : String(error)}`);
  });
}

async function renderParts(content: EmailContent, variables: EmailVariables, rtl: boolean) {
  const vars = variables as unknown as Record<string, unknown>;
  const [text, markup] = rtl ? [rtlTextLiquid, rtlHtmlLiquid] : [textLiquid, htmlLiquid];
  const [subject = '', preheader = '', heading = '', rawBody = '', button = ''] = (await Promise.all([
    text.parseAndRender(content.subject, vars),
    text.parseAndRender(content.preheader, vars),
    markup.parseAndRender(content.heading, vars),
    markup.parseAndRender(content.body, vars),
    markup.parseAndRender(content.button, vars),
  ])) as string[];
  const body = rtl ? unisolateLinks(rawBody) : rawBody;
  const paragraphs = body
    .replace(ALLOWED_TAGS, '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return { subject: subject.replace(/\s+/g, ' ').trim(), preheader: preheader.trim(), heading: heading.trim(), paragraphs, button: button.trim() };
}

function footerLines(layout: Layout, variables: EmailVariables): { html: string; text: string } {
  const say = (id: string, values: Record<string, string> = {}) => format(layout.messages, id, values, layout.locale);
  const why = say(layout.marketing ? 'email.footer.marketing' : 'email.footer.transactional', { program: layout.programName });
  const address = layout.postalAddress ? escapeAttribute(layout.postalAddress) : '';
  const unsubscribe = layout.marketing ? `<a href="${escapeAttribute(variables.unsubscribe_url)}">${say('email.footer.unsubscribe')}</a>` : '';
  return {
    html: [why, address, unsubscribe].filter(Boolean).join('<br>'),
    text: [why, layout.postalAddress ?? '', layout.marketing ? `${say('email.footer.unsubscribe')}: ${variables.unsubscribe_url}` : ''].filter(Boolean).join('\n'),
  };
}

const toText = (htmlText: string) =>
  htmlText
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gi, '$2 ($1)')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** A survey email's eleven scores, each a link big enough to tap (WCAG target size), 0 at the start of the line in either direction. */
function scoreRow(scores: { score: string; url: string }[], color: string, dir: 'ltr' | 'rtl'): string {
  const link = (s: { score: string; url: string }) =>
    `<a href="${escapeAttribute(s.url)}" style="display:inline-block;min-width:30px;padding:8px 2px;margin:3px;border:2px solid ${color};border-radius:8px;color:${color};font-weight:700;text-align:center;text-decoration:none">${escapeAttribute(s.score)}</a>`;
  return `<mj-text align="center" css-class="scores"><div dir="${dir}">${scores.map(link).join('')}</div></mj-text>`;
}

/** An email in the program's layout: responsive HTML (MJML) and the same words as plain text, right to left where the language is. */
export async function renderEmail(content: EmailContent, variables: EmailVariables, layout: Layout): Promise<RenderedEmail> {
  const dir = RTL.has(layout.locale) ? 'rtl' : 'ltr';
  const parts = await renderParts(content, variables, dir === 'rtl');
  const align = dir === 'rtl' ? 'right' : 'left';
  const primary = layout.primaryColor ?? DEFAULT_THEME.primary_color;
  const footer = footerLines(layout, variables);
  const text = (inner: string, attributes = '') => `<mj-text align="${align}" ${attributes}>${inner}</mj-text>`;
  const source = `<mjml lang="${layout.locale}" dir="${dir}">
  <mj-head>
    <mj-title>${escapeAttribute(parts.subject)}</mj-title>
    <mj-preview>${escapeAttribute(parts.preheader)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="${escapeAttribute(DEFAULT_THEME.font_family)}" />
      <mj-text font-size="16px" line-height="1.55" color="${DEFAULT_THEME.text_color}" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6">
    <mj-section padding="20px 0 8px"><mj-column>${text(`<strong>${escapeAttribute(layout.programName)}</strong>`, 'font-size="15px" color="#374151"')}</mj-column></mj-section>
    <mj-section background-color="#ffffff" border-radius="12px" padding="12px 8px"><mj-column>
      ${text(parts.heading, 'font-size="24px" line-height="1.3" font-weight="700"')}
      ${parts.paragraphs.map((p) => text(p)).join('\n      ')}
      ${variables.survey ? scoreRow(variables.survey.scores, primary, dir) : ''}
      ${parts.button ? `<mj-button href="${escapeAttribute(variables.action_url)}" align="${align}" background-color="${primary}" color="${readableOn(primary)}" border-radius="8px" font-weight="600" font-size="16px">${parts.button}</mj-button>` : ''}
    </mj-column></mj-section>
    <mj-section padding="12px 0 24px"><mj-column>${text(footer.html, 'font-size="12px" line-height="1.5" color="#4b5563"')}</mj-column></mj-section>
  </mj-body>
</mjml>`;
  const { html, errors } = await mjml2html(source, { validationLevel: 'soft', keepComments: false });
  if (errors.length) throw new Error(`email layout: ${errors.map((e) => e.formattedMessage).join('; ')}`);
  const words = [parts.heading, ...parts.paragraphs].map(toText).join('\n\n');
  return { subject: parts.subject, html, text: `${words}\n\n${parts.button ? `${toText(parts.button)}: ${variables.action_url}\n\n` : ''}--\n${footer.text}\n` };
}
