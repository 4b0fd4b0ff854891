// Builds what the browser loads: the storefront widget, into dist/widget/ (served at /widget.js).
//   npm run build     prints each file's size gzipped; fails when what a page loads passes 35 kB
// Also run by `npm install` (prepare), so `npm start` on a fresh clone serves a current widget.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const WIDGET_DIR = path.resolve(import.meta.dirname, '../dist/widget');
const BUDGET = 35 * 1024;

export async function buildWidget(): Promise<{ entry: number; largestLocale: number }> {
  await build({ configFile: path.resolve(import.meta.dirname, '../web/widget/vite.config.ts') });
  const gzipped = async (name: string) => gzipSync(await readFile(path.join(WIDGET_DIR, name)), { level: 9 }).length;
  const files = await builtFiles();
  const chunks = await Promise.all(files.filter((f) => f !== 'widget.js').map(gzipped));
  return { entry: await gzipped('widget.js'), largestLocale: Math.max(0, ...chunks) };
}

export const builtFiles = async () => (await readdir(WIDGET_DIR, { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).map((f) => path.relative(WIDGET_DIR, path.join(f.parentPath, f.name))).sort();

if (import.meta.main) {
  const { entry, largestLocale } = await buildWidget();
  const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  for (const name of await builtFiles()) console.log(`  dist/widget/${name}`);
  console.log(`widget.js ${kB(entry)} gzipped; with the largest language file ${kB(entry + largestLocale)} (budget ${kB(BUDGET)})`);
  if (entry + largestLocale > BUDGET) {
    console.error('The widget is over its 35 kB budget: what grew?');
    process.exit(1);
  }
}
