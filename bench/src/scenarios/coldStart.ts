import { errorMessage } from '../outcome.js';
import { openSession, waitForHarness } from '../runner/harnessPage.js';
import { settleMs, sleep } from '../runner/settle.js';
import { SampleSet } from '../stats/SampleSet.js';
import { tenantDelta } from '../tenant/TenantStats.js';
import { repeats, runTrials, type Scenario, type ScenarioContext, type Trials } from './Scenario.js';

/** Scenario 2: a page load with a stored session, until the app holds a usable access token. */
export const coldStart: Scenario = {
  id: 'cold-start',
  number: '2',
  title: 'Cold start with a stored session',
  description:
    'After one login, the adapter page is loaded again with `?cold`: it creates the client and asks for a token at ' +
    'once. Wall time runs from the navigation start (`performance.now()` at the moment the token is in hand), so it ' +
    'includes loading and compiling the bundle; the second column is the part after the bundle started to run ' +
    '(client creation, storage reads, token). Tenant requests are the tenant’s counters (CORS preflights included) ' +
    'from before the load to 300 ms after the token. The loads of all libraries are interleaved (one load of each, ' +
    'in rotating order, then the next), after one unmeasured warm-up load each.',
  columns: [
    { key: 'ms', label: 'wall time', unit: 'ms', digits: 1 },
    { key: 'libraryMs', label: 'of which after the script started', unit: 'ms', digits: 1 },
    { key: 'requests', label: 'tenant requests' },
  ],
  headline: { key: 'ms', better: 'lower' },
  interleaved: { trials: (context) => repeats(context, 30, 5), open: openColdStarts },
  run(context) {
    return runTrials(this.interleaved!, context);
  },
};

async function openColdStarts(context: ScenarioContext): Promise<Trials> {
  const { browser, pageUrl, tenant } = context;
  const samples = new SampleSet();
  const session = await openSession(() => browser.newContext(), pageUrl, tenant.origin);
  return {
    async run(index) {
      try {
        const before = await tenant.stats();
        await session.page.goto(`${pageUrl}?cold`);
        const state = await waitForHarness(session.page);
        await sleep(settleMs);
        const delta = tenantDelta(before, await tenant.stats());
        if (index < 0) return;
        const cold = state.coldStart;
        if (!cold) samples.error('no cold-start result');
        else if (!cold.ok) samples.error(cold.error);
        else {
          samples.add('ms', cold.ms);
          if (state.scriptStartMs !== undefined) samples.add('libraryMs', cold.ms - state.scriptStartMs);
          samples.add('requests', delta.requests);
        }
      } catch (error) {
        samples.error(errorMessage(error));
      }
    },
    async finish() {
      await session.context.close();
      return samples.result();
    },
  };
}
