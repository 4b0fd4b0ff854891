// Builds what the browser loads:
//   the storefront widget, into dist/widget/ (served at /widget.js), and
//   the admin dashboard, into dist/admin/ (served at /admin).
//   npm run build     prints the sizes gzipped; fails when the widget a page loads passes 35 kB, or
//                     the dashboard's first load (what its index.html loads) passes 250 kB
//   npm run build -- widget | admin   builds only that one (the browser tests each build their own)
// Also run by `npm install` (prepare), so `npm start` on a fresh clone serves both.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

// What ships is the production build, also when a test (NODE_ENV=test) runs this: React's
// development build is twice the size and slower.
process.env.NODE_ENV = 'production';

export const WIDGET_DIR = path.resolve(import.meta.dirname, '../dist/widget');
export const ADMIN_DIR = path.resolve(import.meta.dirname, '../dist/admin');
const BUDGET = 35 * 1024;
const ADMIN_BUDGET = 250 * 1024;

const gzippedSize = async (file: string) => gzipSync(await readFile(file), { level: 9 }).length;

export async function buildWidget(): Promise<{ entry: number; largestLocale: number }> {
  await build({ configFile: path.resolve(import.meta.dirname, '../web/widget/vite.config.ts') });
  const files = await builtFiles();
  const chunks = await Promise.all(files.filter((f) => f !== 'widget.js').map((f) => gzippedSize(path.join(WIDGET_DIR, f))));
  return { entry: await gzippedSize(path.join(WIDGET_DIR, 'widget.js')), largestLocale: Math.max(0, ...chunks) };
}

export const builtFiles = async (dir = WIDGET_DIR) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).map((f) => path.relative(dir, path.join(f.parentPath, f.name))).sort();

/** The dashboard's language files (web/admin/src/messages/<code>.json): one of them loads at start. */
const ADMIN_LANGUAGE = /^assets\/(en|ar)-[\w-]+\.js$/;

/**
 * Builds the dashboard and weighs its first load: the scripts, module preloads and style sheets
 * its index.html names, and the largest language file (the one language shown loads at start).
 * The pages' own chunks (and the charts) load later, when opened.
 */
export async function buildAdmin(): Promise<{ firstLoad: { file: string; gzipped: number }[]; lazy: number }> {
  await build({ configFile: path.resolve(import.meta.dirname, '../web/admin/vite.config.ts') });
  const html = await readFile(path.join(ADMIN_DIR, 'index.html'), 'utf8');
  const named = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\/admin\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const weigh = (file: string) => gzippedSize(path.join(ADMIN_DIR, file)).then((gzipped) => ({ file, gzipped }));
  const firstLoad = await Promise.all([...new Set(named)].map(weigh));
  const built = await builtFiles(ADMIN_DIR);
  const languages = await Promise.all(built.filter((f) => ADMIN_LANGUAGE.test(f)).map(weigh));
  const largest = languages.sort((a, b) => b.gzipped - a.gzipped)[0];
  if (largest) firstLoad.push(largest);
  const rest = built.filter((f) => /\.(js|css)$/.test(f) && !firstLoad.some((l) => l.file === f));
  return { firstLoad, lazy: rest.length };
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

async function buildAndWeighWidget(): Promise<void> {
  const { entry, largestLocale } = await buildWidget();
  for (const name of await builtFiles()) console.log(`  dist/widget/${name}`);
  console.log(`widget.js ${kB(entry)} gzipped; with the largest language file ${kB(entry + largestLocale)} (budget ${kB(BUDGET)})`);
  if (entry + largestLocale > BUDGET) {
    console.error('The widget is over its 35 kB budget: what grew?');
    process.exit(1);
  }
}

async function buildAndWeighAdmin(): Promise<void> {
  const { firstLoad, lazy } = await buildAdmin();
  const sum = (files: { gzipped: number }[]) => files.reduce((n, f) => n + f.gzipped, 0);
  const small = firstLoad.filter((f) => f.gzipped < 1024);
  for (const { file, gzipped } of firstLoad.filter((f) => f.gzipped >= 1024).sort((a, b) => b.gzipped - a.gzipped)) console.log(`  dist/admin/${file} ${kB(gzipped)} gzipped`);
  if (small.length) console.log(`  and ${small.length} files under 1 kB: ${kB(sum(small))} gzipped`);
  const total = sum(firstLoad);
  console.log(`admin first load ${kB(total)} gzipped, ${firstLoad.length} files with the largest language file (budget ${kB(ADMIN_BUDGET)}); ${lazy} more chunks load with their pages`);
  if (firstLoad.length === 0 || total > ADMIN_BUDGET) {
    console.error(firstLoad.length === 0 ? 'dist/admin/index.html names no script: the build is broken.' : 'The admin is over its 250 kB first-load budget: what grew?');
    process.exit(1);
  }
}

if (import.meta.main) {
  const only = process.argv[2];
  if (only !== undefined && only !== 'widget' && only !== 'admin') throw new Error(`build what? "widget", "admin", or nothing for both (not "${only}")`);
  if (only !== 'admin') await buildAndWeighWidget();
  if (only !== 'widget') await buildAndWeighAdmin();
}
