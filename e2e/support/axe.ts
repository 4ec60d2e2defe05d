import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.x A and AA rules, colour contrast included) on the page as it is now
 * and expects no violation. A violation is reported as its rule, impact and the elements hit.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Evaluated rather than added as a <script>: no page's Content-Security-Policy can refuse it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: object): Promise<AxeResults> };
    };
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
  expect(violations, `axe on ${page.url()}`).toEqual([]);
}
