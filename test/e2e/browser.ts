// Shared by the end-to-end tests: Debian's Chromium driven by playwright-core, axe-core, screenshots, the real server.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../src/law/project-root.js';

export const CHROMIUM = '/usr/bin/chromium';
const WEB_INDEX = join(projectRoot(), 'dist', 'web', 'index.html');

/** Test options: skip, saying why, without Chromium or without the web build. */
export const needsBrowser: { skip?: string } = !existsSync(CHROMIUM)
  ? { skip: `needs Chromium at ${CHROMIUM}: apt-get install -y chromium` }
  : !existsSync(WEB_INDEX)
    ? { skip: 'needs the web build in dist/web: npm run build' }
    : {};

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}

export const SCREENSHOTS = join(projectRoot(), 'test', 'e2e', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }

/** axe-core's violations on the page as it stands. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

export function serious(vs: AxeViolation[]): AxeViolation[] {
  return vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
