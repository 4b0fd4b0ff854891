import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Real Chromium for the tests of what shoppers see: Debian's /usr/bin/chromium driven by
 * playwright-core. Without it the browser tests skip, unless REGULARS_TEST_REQUIRE_CHROMIUM=1
 * (CI installs it and sets that, so there they run or fail).
 */
export const CHROMIUM = '/usr/bin/chromium';
export const chromiumPresent = () => existsSync(CHROMIUM) || process.env.REGULARS_TEST_REQUIRE_CHROMIUM === '1';

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });

const root = path.resolve(import.meta.dirname, '../../..');
/** Builds what `npm run build` does, one part (async: the test's own servers keep answering meanwhile). */
const build = async (part: 'widget' | 'admin') => void (await promisify(execFile)(process.execPath, [path.join(root, 'scripts/build.ts'), part], { cwd: root }));
export const buildWidget = () => build('widget');
export const buildAdmin = () => build('admin');

/** A store's page on an origin of its own, whatever HTML the test wants on it. */
export async function testShop(page: (url: URL) => string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://shop');
    if (url.pathname !== '/') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(url));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** axe-core's serious and critical findings on the page (shadow roots included), against WCAG 2.2 AA. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // A dialog or the widget's panel still fading in has the contrast of half its opacity: scan what
  // the user ends up seeing, shadow roots included (a spinner's endless animation is not waited for).
  await page.waitForFunction(`(() => {
    const roots = [document, ...[...document.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []))];
    return roots.flatMap((r) => r.getAnimations()).every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
  })()`);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** With REGULARS_SCREENSHOTS=<dir>, each view is saved there for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.REGULARS_SCREENSHOTS;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled', fullPage: true });
}

/** The element that has the keyboard focus, looking into shadow roots: its tag and text. */
export const focused = (page: Page) =>
  inPage<{ tag: string; text: string; inPanel: boolean }>(
    page,
    `(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return { tag: active?.tagName.toLowerCase() ?? '', text: (active?.textContent ?? '').trim(), inPanel: active?.closest('dialog') != null };
    })()`,
  );

/** Runs JavaScript in the page (written as text: the engine's code is typed without the DOM). */
export const inPage = <T>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;
