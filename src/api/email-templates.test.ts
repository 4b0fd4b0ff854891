import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { accessibilityProblems, chromiumPresent, launchChromium, screenshot } from './testing/browser.ts';
import { LOCALES, messagesFor } from '../storefront/locales.ts';
import { defaultContent } from '../emails/email-content.ts';
import { renderEmail } from '../emails/email-render.ts';
import { FLOWS, TEMPLATE_KEYS } from '../emails/flows.ts';
import { SAMPLE_VARIABLES } from '../emails/variables.ts';

/**
 * Every default template in every locale, as a mail client shows it: rendered with the sample
 * data, opened in Chromium at a phone's and a desktop's width, and scanned with axe.
 */
describe.runIf(chromiumPresent())('the default emails in Chromium', () => {
  let browser: Browser;
  afterAll(() => browser?.close());

  it('lay out every step in every language, right to left in Arabic and Persian, with no serious accessibility problem', async () => {
    browser = await launchChromium();
    const page = await (await browser.newContext()).newPage();
    for (const locale of LOCALES) {
      for (const template of TEMPLATE_KEYS) {
        const marketing = FLOWS.find((f) => f.steps.some((s) => s.template === template))!.category === 'marketing';
        const email = await renderEmail(defaultContent(template, locale)!, SAMPLE_VARIABLES, { locale, messages: messagesFor(locale), programName: 'Demo Coffee', postalAddress: '1 Roast Street, Portland', marketing });
        await page.setViewportSize({ width: 390, height: 800 });
        await page.setContent(email.html);
        const dir = await page.evaluate<string>('document.documentElement.dir');
        expect(dir, `${locale} ${template}`).toBe(locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr');
        // Nothing wider than the phone: the layout is responsive.
        expect(await page.evaluate<number>('document.documentElement.scrollWidth'), `${locale} ${template}`).toBeLessThanOrEqual(390);
        expect(await accessibilityProblems(page), `${locale} ${template}`).toEqual([]);
        if (template === 'post_purchase' || template === 'points_expiring') {
          await screenshot(page, `email-${locale}-${template}-phone`);
          await page.setViewportSize({ width: 1024, height: 800 });
          await screenshot(page, `email-${locale}-${template}-desktop`);
        }
        if (process.env.REGULARS_SCREENSHOTS_ALL_EMAILS) await screenshot(page, `email-${locale}-${template}`);
      }
    }
  }, 300_000);
});
