import { openSession } from '../runner/harnessPage.js';
import { SampleSet } from '../stats/SampleSet.js';
import { summarize } from '../stats/summarize.js';
import { tenantDelta } from '../tenant/TenantStats.js';
import { repeats, type Scenario } from './Scenario.js';

/** Scenario 5: latency of one forced refresh (refresh-token grant). */
export const forcedRefresh: Scenario = {
  id: 'forced-refresh',
  number: '5',
  title: 'Forced refresh',
  description:
    'In a signed-in page, one `getToken()` that must skip the cache (auth0-spa-js and Sesame: `cacheMode: "off"`; ' +
    'oidc-client-ts: `signinSilent()`; okta-auth-js: `tokenManager.renew()`) is timed in the page, one after another, ' +
    '30 times after one untimed warm-up refresh (the first refresh of a page pays one-time costs: code compiled, ' +
    'storage opened): a few milliseconds each need that many samples. ' +
    'Refresh grants are the tenant’s `refresh_token` counter per call. ' +
    'After each refresh, the same page also times, without any library, a Web Lock held over two IndexedDB read-write ' +
    'transactions on a scratch database (one reading two entries and writing one, one writing two): the storage work ' +
    'Sesame’s refresh does around its request (the re-read under the lock with the write-ahead record, then the rotated ' +
    'tokens with the session), which a library keeping its tokens in localStorage does not do. ' +
    'Its median is given under the table for each page.',
  columns: [
    { key: 'ms', label: 'latency', unit: 'ms', digits: 1 },
    { key: 'refreshGrants', label: 'refresh grants/call' },
    { key: 'requests', label: 'tenant requests/call' },
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
    const floor: number[] = [];
    try {
      await page.evaluate(() => window.bench.getTokenForced());
      await page.evaluate(() => window.bench.storageFloor());
      for (let i = 0; i < repeats(context, 30, 3); i++) {
        const before = await tenant.stats();
        const result = await page.evaluate(() => window.bench.getTokenForced());
        const delta = tenantDelta(before, await tenant.stats());
        if (!result.ok) {
          samples.error(result.error);
          continue;
        }
        samples.add('ms', result.ms);
        samples.add('refreshGrants', delta.refreshGrants);
        samples.add('requests', delta.requests);
        floor.push(await page.evaluate(() => window.bench.storageFloor()));
      }
      const { median, min, max } = summarize(floor);
      samples.note(
        `a Web Lock over two IndexedDB read-write transactions, no library, in this page: ${median.toFixed(1)} ms ` +
          `(${min.toFixed(1)}–${max.toFixed(1)})`,
      );
    } finally {
      await browserContext.close();
    }
    return samples.result();
  },
};
