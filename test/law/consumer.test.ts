// The library as another project uses it: `npm pack`, a fresh consumer project with no @types/node,
// the README's example compiled with strict TypeScript and run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/law/project-root.js';

const root = projectRoot();

function readmeExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const m = /<!-- consumer-example[^>]*-->\s*```ts\n([\s\S]*?)```\s*<!-- \/consumer-example -->/.exec(readme);
  assert.ok(m, 'README.md has the consumer example between its markers');
  return m[1]!;
}

test('a consumer project builds against the packed tarball without @types/node and runs the README example', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'comity-consumer-'));
  try {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir, '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    for (const must of ['dist/src/law/index.js', 'dist/src/law/index.d.ts', 'dist/registry-snapshot.json', 'gazetteer/counties.tsv', 'policies/calendar/federal-holidays.yaml']) {
      assert.ok(files.includes(must), `the tarball lacks ${must}`);
    }
    assert.ok(!files.some((f) => f.startsWith('test/') || f.startsWith('dist/test/')), 'tests are not shipped');
    const app = join(dir, 'app');
    const pkgDir = join(app, 'node_modules', 'comity');
    mkdirSync(pkgDir, { recursive: true });
    execFileSync('tar', ['-xzf', join(dir, packed[0]!.filename), '-C', pkgDir, '--strip-components=1']);
    // The package's own dependencies, as npm would install them (linked from this checkout: no network) —
    // all but DuckDB, so the example can only run if `comity/law` never loads it.
    const deps = Object.keys((JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies)
      .filter((d) => d !== '@duckdb/node-api');
    assert.ok(deps.length > 0);
    for (const d of deps) {
      const target = join(app, 'node_modules', d);
      mkdirSync(join(target, '..'), { recursive: true });
      if (!existsSync(target)) symlinkSync(join(root, 'node_modules', d), target, 'dir');
    }
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, types: [], skipLibCheck: false, outDir: 'out', noEmitOnError: true },
      include: ['main.ts'],
    }));
    writeFileSync(join(app, 'main.ts'), readmeExample());
    assert.ok(!readdirSync(join(app, 'node_modules')).includes('@types'), 'no @types in the consumer');
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, `tsc: ${tsc.stdout}${tsc.stderr}`);
    const env = { ...process.env };
    delete env.COMITY_POLICIES;
    const run = spawnSync(process.execPath, [join(app, 'out', 'main.js')], { cwd: tmpdir(), encoding: 'utf8', env });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.match(lines[0]!, /^MUST_NOT Santa Clara County/);
    assert.match(lines[1]!, /^jurisdiction Santa Clara County, CA/);
    assert.match(lines[2]!, /HOLD: 'MUST_NOT'/);
    // …while the whole library does load it (so the test above would notice if comity/law did).
    const whole = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('comity')"], { cwd: app, encoding: 'utf8' });
    assert.notEqual(whole.status, 0);
    assert.match(whole.stderr, /@duckdb\/node-api/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
