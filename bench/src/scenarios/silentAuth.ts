import { openSession } from '../runner/harnessPage.js';
import { settleMs, sleep } from '../runner/settle.js';
import { SampleSet } from '../stats/SampleSet.js';
import { tenantDelta } from '../tenant/TenantStats.js';
import { repeats, type Scenario } from './Scenario.js';

/** Scenario 8: a token through the hidden `prompt=none` iframe, on the tenant's session cookie. */
export const silentAuth: Scenario = {
  id: 'silent-auth',
  number: '8',
  title: 'Silent auth (prompt=none iframe)',
  description:
    'In a signed-in page (so the tenant has a session cookie), a second client without refresh tokens and with an ' +
    'empty cache asks for a token, which takes the hidden `prompt=none` iframe. Latency is timed in the page; ' +
    'success is the share of calls that returned a token.',
  columns: [
    { key: 'ms', label: 'latency', unit: 'ms', digits: 0 },
    { key: 'success', label: 'success', unit: '%' },
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
    let ok = 0;
    const count = repeats(context, 5, 3);
    try {
      for (let i = 0; i < count; i++) {
        const before = await tenant.stats();
        const result = await page.evaluate(() => window.bench.silentAuth());
        await sleep(settleMs);
        const delta = tenantDelta(before, await tenant.stats());
        if (!result.ok) {
          samples.error(result.error);
          continue;
        }
        ok++;
        samples.add('ms', result.ms);
        samples.add('requests', delta.requests);
      }
    } finally {
      await browserContext.close();
    }
    samples.add('success', (100 * ok) / count);
    return samples.result();
  },
};
