import { errorMessage } from '../outcome.js';
import { loginThroughTenant, openHarness } from '../runner/harnessPage.js';
import { settleMs, sleep } from '../runner/settle.js';
import { SampleSet } from '../stats/SampleSet.js';
import { tenantDelta } from '../tenant/TenantStats.js';
import { repeats, type Scenario } from './Scenario.js';

/** Scenario 3: a full redirect login, from `login()` to a usable token back in the app. */
export const redirectLogin: Scenario = {
  id: 'redirect-login',
  number: '3',
  title: 'Redirect login',
  description:
    'In a fresh browser context, `login()` is called, Playwright fills and submits the tenant’s login form (the same ' +
    'for every library), and the page handles the callback and gets a token. Wall time runs from `login()` to the ' +
    'token. Tenant requests include the tenant’s own login pages, identical for every library; the difference between ' +
    'libraries is discovery, JWKS, token and userinfo requests. The second column is the time the callback page spent from handling the callback to the token.',
  columns: [
    { key: 'ms', label: 'wall time', unit: 'ms', digits: 0 },
    { key: 'callbackMs', label: 'of which callback to token', unit: 'ms', digits: 0 },
    { key: 'requests', label: 'tenant requests' },
    { key: 'tokenRequests', label: 'token requests' },
  ],
  headline: { key: 'ms', better: 'lower' },
  async run(context) {
    const { browser, pageUrl, tenant } = context;
    const samples = new SampleSet();
    for (let i = 0; i < repeats(context, 5, 3); i++) {
      const browserContext = await browser.newContext();
      try {
        const page = await openHarness(browserContext, pageUrl);
        const before = await tenant.stats();
        const login = await loginThroughTenant(page, tenant.origin);
        await sleep(settleMs);
        const delta = tenantDelta(before, await tenant.stats());
        samples.add('ms', login.ms);
        if (login.callbackMs !== undefined) samples.add('callbackMs', login.callbackMs);
        samples.add('requests', delta.requests);
        samples.add('tokenRequests', delta.tokenRequests);
      } catch (error) {
        samples.error(errorMessage(error));
      } finally {
        await browserContext.close();
      }
    }
    return samples.result();
  },
};
