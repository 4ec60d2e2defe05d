import { openSession, waitForHarness } from '../runner/harnessPage.js';
import { settleMs, sleep } from '../runner/settle.js';
import { SampleSet } from '../stats/SampleSet.js';
import { tenantDelta } from '../tenant/TenantStats.js';
import { repeats, type Scenario } from './Scenario.js';

/** Scenario 2: a page load with a stored session, until the app holds a usable access token. */
export const coldStart: Scenario = {
  id: 'cold-start',
  number: '2',
  title: 'Cold start with a stored session',
  description:
    'After one login, the adapter page is loaded again with `?cold`: it creates the client and asks for a token at once. ' +
    'Wall time runs from the navigation start (`performance.now()` at the moment the token is in hand), so it includes ' +
    'loading and compiling the bundle. Tenant requests are the tenant’s counters (CORS preflights included) ' +
    'before the load and 300 ms after the token. The second column is the part after the bundle started to run (client creation, storage reads, token). One unmeasured warm-up load first.',
  columns: [
    { key: 'ms', label: 'wall time', unit: 'ms', digits: 1 },
    { key: 'libraryMs', label: 'of which after the script started', unit: 'ms', digits: 1 },
    { key: 'requests', label: 'tenant requests' },
  ],
  headline: { key: 'ms', better: 'lower' },
  async run(context) {
    const { browser, pageUrl, tenant } = context;
    const samples = new SampleSet();
    const { context: browserContext, page } = await openSession(
      () => browser.newContext(),
      pageUrl,
      tenant.origin,
    );
    try {
      const count = repeats(context, 30, 5);
      for (let i = -1; i < count; i++) {
        const before = await tenant.stats();
        await page.goto(`${pageUrl}?cold`);
        const state = await waitForHarness(page);
        await sleep(settleMs);
        const delta = tenantDelta(before, await tenant.stats());
        if (i < 0) continue;
        const cold = state.coldStart;
        if (!cold) samples.error('no cold-start result');
        else if (!cold.ok) samples.error(cold.error);
        else {
          samples.add('ms', cold.ms);
          if (state.scriptStartMs !== undefined) samples.add('libraryMs', cold.ms - state.scriptStartMs);
          samples.add('requests', delta.requests);
        }
      }
    } finally {
      await browserContext.close();
    }
    return samples.result();
  },
};
