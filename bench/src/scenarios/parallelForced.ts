import { errorMessage } from '../outcome.js';
import { openSession } from '../runner/harnessPage.js';
import { settleMs, sleep } from '../runner/settle.js';
import { SampleSet } from '../stats/SampleSet.js';
import { tenantDelta } from '../tenant/TenantStats.js';
import { repeats, type Scenario } from './Scenario.js';

const calls = 50;

/** Scenario 6: 50 forced `getToken()` calls started together in one tab. */
export const parallelForced: Scenario = {
  id: 'parallel-forced',
  number: '6',
  title: `Concurrency in one tab (${calls} parallel forced calls)`,
  description:
    `In a freshly signed-in page, ${calls} forced \`getToken()\` calls start in the same task. Counted at the tenant: ` +
    'token requests, refresh-token reuse detections and `invalid_grant` answers; in the page: rejected calls. ' +
    'Each repetition logs in again, since reuse detection revokes the session.',
  columns: [
    { key: 'tokenRequests', label: 'token requests' },
    { key: 'failures', label: `failed calls (of ${calls})` },
    { key: 'reuse', label: 'reuse detections' },
    { key: 'invalidGrant', label: 'invalid_grant' },
    { key: 'ms', label: 'burst time', unit: 'ms', digits: 0 },
  ],
  headline: { key: 'tokenRequests', better: 'lower' },
  async run(context) {
    const { browser, pageUrl, tenant } = context;
    const samples = new SampleSet();
    for (let i = 0; i < repeats(context, 3, 2); i++) {
      let session: Awaited<ReturnType<typeof openSession>> | undefined;
      try {
        session = await openSession(() => browser.newContext(), pageUrl, tenant.origin);
        const before = await tenant.stats();
        const burst = await session.page.evaluate((count) => window.bench.parallelForced(count), calls);
        await sleep(settleMs);
        const delta = tenantDelta(before, await tenant.stats());
        samples.add('tokenRequests', delta.tokenRequests);
        samples.add('failures', burst.rejected);
        samples.add('reuse', delta.reuse);
        samples.add('invalidGrant', delta.invalidGrant);
        samples.add('ms', burst.ms);
        for (const message of burst.errors) samples.error(message);
      } catch (error) {
        samples.error(errorMessage(error));
      } finally {
        await session?.context.close();
      }
    }
    if (samples.samples('failures').every((failures) => failures === calls))
      samples.incomparable('every call failed');
    return samples.result();
  },
};
