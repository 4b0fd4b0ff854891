import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const depcruise = path.join(root, 'node_modules', '.bin', 'depcruise');

/** The layer check of `npm run lint`, run on a folder laid out like this repository. */
function checkLayers(cwd: string) {
  const run = spawnSync(depcruise, ['src', 'web', 'shopper', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the layering rule (docs/architecture.md)', () => {
  const scratch = mkdtemp(path.join(tmpdir(), 'regulars-layers-'));
  afterAll(async () => rm(await scratch, { recursive: true, force: true }));

  async function copyOfRepository(): Promise<string> {
    const dir = await mkdtemp(path.join(await scratch, 'copy-'));
    for (const folder of ['src', 'web', 'shopper']) await cp(path.join(root, folder), path.join(dir, folder), { recursive: true });
    for (const file of ['.dependency-cruiser.cjs', 'tsconfig.json', 'package.json']) await cp(path.join(root, file), path.join(dir, file));
    await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    await writeFile(path.join(dir, 'web', 'page.ts'), 'export const page = 1;\n');
    return dir;
  }

  it('passes on the code as it is', async () => {
    const result = checkLayers(await copyOfRepository());
    expect(result.output).toContain('no dependency violations');
    expect(result.status).toBe(0);
  });

  it('refuses an import that climbs a layer, a folder cycle, and web/ importing src/', async () => {
    const dir = await copyOfRepository();
    const add = (file: string, line: string) => appendFile(path.join(dir, file), `\n${line}\n`);
    await add('src/platform/errors.ts', "import '../api/app.ts';");
    await add('src/ledger/transfer.ts', "import '../earning/award.ts';");
    await add('src/rewards/reward.ts', "import '../workflows/reward-redeemed.ts';");
    await add('src/workflows/order-placed.ts', "import '../api/orders.ts';");
    await add('src/api/orders.ts', "import '../cli/main.ts';");
    await add('web/page.ts', "import '../src/platform/money.ts';");
    // Two capabilities that import each other: a folder cycle, though no module cycle.
    await writeFile(path.join(dir, 'src/charity/uses-cashback.ts'), "import '../cashback/cashback-settings.ts';\n");
    await writeFile(path.join(dir, 'src/cashback/uses-charity.ts'), "import '../charity/charity-store.ts';\n");

    const result = checkLayers(dir);
    expect(result.status).not.toBe(0);
    for (const rule of ['platform-imports-nothing-above', 'ledger-knows-no-product', 'capabilities-below-workflows', 'workflows-below-api', 'api-below-cli', 'web-over-http-only', 'no-folder-cycles']) {
      expect(result.output, rule).toContain(rule);
    }
    expect(result.output).toMatch(/no-folder-cycles: src\/charity → \s*src\/cashback →\s*src\/charity/);
  });
});
