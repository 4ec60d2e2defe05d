import { errorMessage } from '../outcome.js';
import { openSession } from '../runner/harnessPage.js';
import { SampleSet } from '../stats/SampleSet.js';
import { tenantDelta } from '../tenant/TenantStats.js';
import { repeats, runTrials, type Scenario, type ScenarioContext, type Trials } from './Scenario.js';

const windowMs = 1000;

/** Scenario 4: how many cache-hit `getToken()` calls a page can make per second. */
export const cachedToken: Scenario = {
  id: 'cached-token',
  number: '4',
  title: 'Cached token',
  description:
    `In a signed-in page, \`getToken()\` (cache allowed) is awaited in a loop for ${windowMs} ms, after one warm-up ` +
    'call; each repetition is one such window, and the windows of all libraries are interleaved. Any tenant request ' +
    'during the windows is counted. The loop’s own ceiling (the same loop around an async function that returns a ' +
    'constant) is given under the table: a library near it is as fast as this loop can tell.',
  columns: [
    { key: 'callsPerSecond', label: 'calls/s', digits: 0 },
    { key: 'requests', label: 'tenant requests' },
  ],
  headline: { key: 'callsPerSecond', better: 'higher' },
  interleaved: { trials: (context) => repeats(context, 5, 3), open: openWindows },
  run(context) {
    return runTrials(this.interleaved!, context);
  },
};

async function openWindows(context: ScenarioContext): Promise<Trials> {
  const { browser, pageUrl, tenant } = context;
  const samples = new SampleSet();
  const { context: browserContext, page } = await openSession(
    () => browser.newContext(),
    pageUrl,
    tenant.origin,
  );
  return {
    async run(index) {
      if (index < 0) return;
      try {
        const before = await tenant.stats();
        const rate = await page.evaluate((ms) => window.bench.cachedCallsPerSecond(ms), windowMs);
        samples.add('callsPerSecond', rate);
        samples.add('requests', tenantDelta(before, await tenant.stats()).requests);
      } catch (error) {
        samples.error(errorMessage(error));
      }
    },
    async finish() {
      try {
        const ceiling = await page.evaluate((ms) => window.bench.loopCeiling(ms), windowMs);
        samples.note(
          `the loop itself (an async function returning a constant) ran ${Math.round(ceiling)} calls/s`,
        );
      } finally {
        await browserContext.close();
      }
      return samples.result();
    },
  };
}
