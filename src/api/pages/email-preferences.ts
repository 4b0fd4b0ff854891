import { html } from '../../platform/http/html.ts';
import { format, type Locale, type Messages } from '../../storefront/locales.ts';
import { pageShell } from './page-shell.ts';

export interface PreferencesView {
  locale: Locale;
  messages: Messages;
  path: string;
  program: string;
  email: string;
  subscribed: boolean;
  /** What just happened, said above the form. */
  notice?: 'done' | 'resubscribed';
  primaryColor?: string;
}

/** GET /u/{token}: what the customer gets, and one button to stop (or start again). A GET never changes anything. */
export function preferencesPage(v: PreferencesView): string {
  const t = (id: string, values: Record<string, string> = {}) => format(v.messages, id, values, v.locale);
  const notice = v.notice ? html`<p role="status"><strong>${t(v.notice === 'done' ? 'unsubscribe.done' : 'unsubscribe.resubscribed')}</strong></p>` : '';
  const state = v.subscribed ? '' : html`<p>${t('unsubscribe.already')}</p>`;
  const action = v.subscribed ? 'unsubscribe' : 'resubscribe';
  const main = html`${notice}${v.notice ? '' : state}
<form method="post" action="${v.path}">
<input type="hidden" name="action" value="${action}">
<button class="button solid" type="submit">${t(v.subscribed ? 'unsubscribe.button' : 'unsubscribe.resubscribe')}</button>
</form>`;
  return pageShell({ locale: v.locale, title: t('unsubscribe.title'), theme: v.primaryColor ? { primary_color: v.primaryColor } : {}, path: v.path, languagesLabel: t('page.languages'), hero: html`<h1>${t('unsubscribe.title')}</h1><p>${t('unsubscribe.intro', { program: v.program, email: v.email })}</p>`, main });
}

export function invalidLinkPage(locale: Locale, messages: Messages, path: string): string {
  const t = (id: string) => format(messages, id, {}, locale);
  return pageShell({ locale, title: t('unsubscribe.title'), theme: {}, path, languagesLabel: t('page.languages'), hero: html`<h1>${t('unsubscribe.title')}</h1>`, main: html`<p>${t('unsubscribe.invalid')}</p>` });
}
