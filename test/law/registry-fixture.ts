// A registry folder for one test: the shipped registry (or only its federal law and calendar) plus
// the files the test adds, removed afterwards.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPoliciesDir } from '../../src/law/project-root.js';

export function withRegistry(files: Record<string, string>, fn: (dir: string) => void, base: 'all' | 'federal' = 'all'): void {
  const dir = mkdtempSync(join(tmpdir(), 'comity-reg-'));
  try {
    if (base === 'all') cpSync(defaultPoliciesDir(), dir, { recursive: true });
    else for (const sub of ['federal', 'calendar']) cpSync(join(defaultPoliciesDir(), sub), join(dir, sub), { recursive: true });
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A hypothetical local instrument (a test fixture, never law) with one provision and the given rules (YAML, indented 6). */
export function hypothetical(jurisdiction: string, id: string, title: string, rules: string): string {
  return `description: ${title} (a test fixture, not law).
title: ${title}
instrument: ordinance
jurisdiction: ${jurisdiction}
citation: Hypothetical ordinance
references: [{ title: none, href: 'https://example.org/hypothetical' }]
provisions:
  - id: ${id}
    title: ${title}
    citation: Hypothetical ordinance
    source: https://example.org/hypothetical
    verified: 2026-11-28
    effective: 2020-01-01
    status: in_force
    layering: none
    confidence: verified
    rules:
${rules}`;
}
