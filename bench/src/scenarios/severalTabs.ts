import type { Page } from '@playwright/test';
import { openHarness, openSession } from '../runner/harnessPage.js';
import { settleMs, sleep } from '../runner/settle.js';
import { SampleSet } from '../stats/SampleSet.js';
import { tenantDelta } from '../tenant/TenantStats.js';
import type { Scenario, ScenarioContext } from './Scenario.js';

const rounds = 5;
/** Head start given to every tab so that the forced calls start at the same moment. */
const startDelayMs = 500;

/**
 * Scenario 7: `tabs` tabs of one session force a refresh at the same moment, `rounds` times.
 * @param tabs - how many tabs (pages of one browser context, sharing storage and locks)
 * @param number - its number in the report, e.g. `7a`
 */
export function severalTabs(tabs: number, number: string): Scenario {
  return {
    id: `tabs-${tabs}`,
    number,
    title: `Several tabs (${tabs} tabs, ${rounds} rounds)`,
    description:
      `One login, then ${tabs - 1} more tabs of the same browser context load the page (the session comes from ` +
      `storage). Each round, every tab calls a forced \`getToken()\` at the same wall-clock instant. Counted per round ` +
      'at the tenant: refresh grants, refresh-token reuse detections, `invalid_grant`; in the tabs: failed calls, and ' +
      'the tabs whose `getToken()` afterwards returns an access token the tenant accepts (signature, issuer, expiry). ' +
      `"Session alive" is whether one more forced refresh after round ${rounds} succeeds (reuse detection revokes the session).`,
    columns: [
      { key: 'refreshGrants', label: 'refreshes/round' },
      { key: 'reuseTotal', label: `reuse (${rounds} rounds)` },
      { key: 'invalidGrantTotal', label: `invalid_grant (${rounds} rounds)` },
      { key: 'failedCallsTotal', label: `failed calls (of ${tabs * rounds})` },
      { key: 'validTabs', label: `valid tabs after a round (of ${tabs})` },
      { key: 'sessionAlive', label: 'session alive (1 = yes)' },
    ],
    headline: { key: 'refreshGrants', better: 'lower' },
    run: (context) => runTabs(context, tabs),
  };
}

async function runTabs(context: ScenarioContext, tabs: number) {
  const { browser, pageUrl, tenant, checkToken } = context;
  const samples = new SampleSet();
  const session = await openSession(() => browser.newContext(), pageUrl, tenant.origin);
  try {
    const pages: Page[] = [session.page];
    while (pages.length < tabs) pages.push(await openHarness(session.context, pageUrl));
    for (let round = 0; round < rounds; round++) {
      const before = await tenant.stats();
      const at = Date.now() + startDelayMs;
      const results = await Promise.all(
        pages.map((page) => page.evaluate((t) => window.bench.forcedAt(t), at)),
      );
      await sleep(settleMs);
      const delta = tenantDelta(before, await tenant.stats());
      samples.add('refreshGrants', delta.refreshGrants);
      samples.add('reuse', delta.reuse);
      samples.add('invalidGrant', delta.invalidGrant);
      samples.add('failedCalls', results.filter((result) => !result.ok).length);
      for (const result of results) if (!result.ok) samples.error(result.error);
      let valid = 0;
      for (const page of pages) {
        const result = await page.evaluate(() => window.bench.getToken());
        const problem = result.ok ? await checkToken(result.token) : result.error;
        if (problem) samples.error(`tab token: ${problem}`);
        else valid++;
      }
      samples.add('validTabs', valid);
    }
    const total = (key: string) => samples.samples(key).reduce((sum, value) => sum + value, 0);
    samples.add('reuseTotal', total('reuse'));
    samples.add('invalidGrantTotal', total('invalidGrant'));
    samples.add('failedCallsTotal', total('failedCalls'));
    if (total('failedCalls') === tabs * rounds) samples.incomparable('every call failed');
    const last = await session.page.evaluate(() => window.bench.getTokenForced());
    samples.add('sessionAlive', last.ok ? 1 : 0);
    if (!last.ok) samples.error(`refresh after the rounds: ${last.error}`);
  } finally {
    await session.context.close();
  }
  return samples.result();
}
