import type { Page } from '@playwright/test';
import type { TimedResult } from '../page/HarnessApi.js';
import { openSession, type Session } from '../runner/harnessPage.js';
import { SampleSet } from '../stats/SampleSet.js';
import { summarize } from '../stats/summarize.js';
import { tenantDelta } from '../tenant/TenantStats.js';
import { repeats, type Scenario, type ScenarioContext } from './Scenario.js';

type Variant = 'bearer' | 'dpop';

/**
 * Scenario 10: what DPoP costs. Two signed-in pages of the same library, one with its DPoP option
 * on: a forced refresh and one API call through the library's own fetcher in each, side by side.
 */
export const dpopCost: Scenario = {
  id: 'dpop',
  number: '10',
  title: 'DPoP: forced refresh and API call, Bearer and DPoP',
  description:
    'Two pages of the same library, each in a fresh context and signed in with the API’s scope too (`read:messages`): ' +
    'one as configured elsewhere (Bearer tokens), one with its DPoP option on (Sesame `dpop: dpop()` of ' +
    '`@sesame/core/dpop`, auth0-spa-js `useDpop: true`). In each, timed in the page: a forced refresh ' +
    '(`getTokenSilently({ cacheMode: "off" })`, a refresh-token grant; with DPoP it carries a proof and the tenant ' +
    'binds the new tokens to the key) and one `GET` of the demos’ API (`apps/demo-api`, started by the runner) ' +
    'through the library’s fetcher (Sesame `createFetcher`, auth0-spa-js `createFetcher().fetchWithAuth`), which ' +
    'checks the token and, for a bound one, the DPoP proof (signature, `htm`, `htu`, `ath`, `iat`, `jti`, `cnf.jkt`). ' +
    'One unmeasured warm-up of each, then 30 rounds (a refresh differs by a few ms only: more rounds than scenario 5), the two pages alternating which goes first. Every refreshed token ' +
    'is checked to be DPoP-bound (`cnf.jkt`) on the DPoP page and not on the other; an API answer other than 2xx is ' +
    'an error. The ratios are of the medians; **÷ Sesame** compares the refresh ratio.',
  columns: [
    { key: 'bearerRefreshMs', label: 'refresh, Bearer', unit: 'ms', digits: 1 },
    { key: 'dpopRefreshMs', label: 'refresh, DPoP', unit: 'ms', digits: 1 },
    { key: 'refreshRatio', label: 'refresh DPoP ÷ Bearer', unit: '×', digits: 2 },
    { key: 'bearerApiMs', label: 'API call, Bearer', unit: 'ms', digits: 1 },
    { key: 'dpopApiMs', label: 'API call, DPoP', unit: 'ms', digits: 1 },
    { key: 'apiRatio', label: 'API call DPoP ÷ Bearer', unit: '×', digits: 2 },
    { key: 'bearerRequests', label: 'tenant requests/refresh, Bearer' },
    { key: 'dpopRequests', label: 'tenant requests/refresh, DPoP' },
  ],
  headline: { key: 'refreshRatio', better: 'lower' },
  async run(context) {
    const { library } = context;
    if (library.notInDpopScenario) throw new Error(`not measured: ${library.notInDpopScenario}`);
    const samples = new SampleSet();
    const sessions: Partial<Record<Variant, Session>> = {};
    try {
      sessions.bearer = await signIn(context, '?api');
      sessions.dpop = await signIn(context, '?api&dpop');
      const pages = { bearer: sessions.bearer.page, dpop: sessions.dpop.page };
      for (let round = -1; round < repeats(context, 30, 5); round++) {
        const order: Variant[] = round % 2 === 0 ? ['dpop', 'bearer'] : ['bearer', 'dpop'];
        for (const variant of order) {
          await measure(context, pages[variant], variant, round < 0 ? new SampleSet() : samples);
        }
      }
    } finally {
      await Promise.all(Object.values(sessions).map((session) => session.context.close()));
    }
    for (const [ratio, dpop, bearer] of [
      ['refreshRatio', 'dpopRefreshMs', 'bearerRefreshMs'],
      ['apiRatio', 'dpopApiMs', 'bearerApiMs'],
    ] as const) {
      const [over, under] = [samples.samples(dpop), samples.samples(bearer)];
      if (over.length && under.length) samples.add(ratio, summarize(over).median / summarize(under).median);
    }
    return samples.result();
  },
};

function signIn(context: ScenarioContext, query: string): Promise<Session> {
  return openSession(() => context.browser.newContext(), `${context.pageUrl}${query}`, context.tenant.origin);
}

/** One forced refresh, then one API call, on the page of `variant`; failures are recorded as errors. */
async function measure(context: ScenarioContext, page: Page, variant: Variant, samples: SampleSet) {
  const before = await context.tenant.stats();
  const refresh = await page.evaluate(() => window.bench.getTokenForced());
  const requests = tenantDelta(before, await context.tenant.stats()).requests;
  const why = refresh.ok ? bindingMismatch(refresh.token, variant === 'dpop') : refresh.error;
  if (why) samples.error(`${variant} refresh: ${why}`);
  else {
    samples.add(`${variant}RefreshMs`, refresh.ms);
    samples.add(`${variant}Requests`, requests);
  }
  const call: TimedResult = await page.evaluate(() => window.bench.callApi());
  if (call.ok) samples.add(`${variant}ApiMs`, call.ms);
  else samples.error(`${variant} API call: ${call.error}`);
}

/** Why `token` is not as the page's variant wants it (bound to a DPoP key or not), or `undefined`. */
function bindingMismatch(token: string, dpop: boolean): string | undefined {
  let payload: { cnf?: { jkt?: unknown } };
  try {
    payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
  } catch {
    return 'the access token is not a JWT';
  }
  const bound = typeof payload.cnf?.jkt === 'string';
  return bound === dpop ? undefined : `the access token is ${bound ? '' : 'not '}DPoP-bound`;
}
