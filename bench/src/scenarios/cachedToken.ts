import { openSession } from '../runner/harnessPage.js';
import { SampleSet } from '../stats/SampleSet.js';
import { tenantDelta } from '../tenant/TenantStats.js';
import { repeats, type Scenario } from './Scenario.js';

const windowMs = 1000;

/** Scenario 4: how many cache-hit `getToken()` calls a page can make per second. */
export const cachedToken: Scenario = {
  id: 'cached-token',
  number: '4',
  title: 'Cached token',
  description:
    `In a signed-in page, \`getToken()\` (cache allowed) is awaited in a loop for ${windowMs} ms; each repetition is ` +
    'one such window, after one warm-up call. Any tenant request during the windows is counted.',
  columns: [
    { key: 'callsPerSecond', label: 'calls/s', digits: 0 },
    { key: 'requests', label: 'tenant requests' },
  ],
  headline: { key: 'callsPerSecond', better: 'higher' },
  async run(context) {
    const { browser, pageUrl, tenant } = context;
    const samples = new SampleSet();
    const { context: browserContext, page } = await openSession(
      () => browser.newContext(),
      pageUrl,
      tenant.origin,
    );
    try {
      for (let i = 0; i < repeats(context, 5, 3); i++) {
        const before = await tenant.stats();
        const rate = await page.evaluate((ms) => window.bench.cachedCallsPerSecond(ms), windowMs);
        samples.add('callsPerSecond', rate);
        samples.add('requests', tenantDelta(before, await tenant.stats()).requests);
      }
    } finally {
      await browserContext.close();
    }
    return samples.result();
  },
};
