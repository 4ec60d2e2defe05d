import { errorMessage } from '../outcome.js';
import { waitForHarness } from '../runner/harnessPage.js';
import { SampleSet } from '../stats/SampleSet.js';
import { repeats, type Scenario, type ScenarioContext } from './Scenario.js';

/** Longer than the harness's own bound of an app's start (90 s), so that bound reports first. */
const pageTimeoutMs = 100_000;

/** Scenario 9: an app's start with nobody signed in, and with a client id the tenant does not know. */
export const startUp: Scenario = {
  id: 'start-up',
  number: '9',
  title: 'Start-up: first visit and misconfigured app',
  description:
    'In a fresh context (no stored session, no tenant cookie), the adapter page is loaded with `?startup`: it does ' +
    'what the library’s framework binding does when an app starts (auth0-react `checkSession()`, react-oidc-context ' +
    '`getUser()`, okta-react `isAuthenticated()`, Sesame `checkSession()`) until it knows whether someone is signed ' +
    'in. Wall time from the navigation start; iframes the library added meanwhile. The same with `&misconfigured`: ' +
    'the client id is one the tenant does not know (a typo in an app’s config); a start that does not settle within ' +
    '90 s is reported as an error.',
  columns: [
    { key: 'firstMs', label: 'first visit', unit: 'ms', digits: 0 },
    { key: 'firstIframes', label: 'iframes' },
    { key: 'misconfiguredMs', label: 'wrong client id', unit: 'ms', digits: 0 },
    { key: 'misconfiguredIframes', label: 'iframes' },
  ],
  headline: { key: 'firstMs', better: 'lower' },
  async run(context) {
    const samples = new SampleSet();
    for (let i = 0; i < repeats(context, 5, 3); i++) await measure(context, samples, 'first');
    for (let i = 0; i < repeats(context, 2, 1); i++) await measure(context, samples, 'misconfigured');
    return samples.result();
  },
};

async function measure(context: ScenarioContext, samples: SampleSet, kind: 'first' | 'misconfigured') {
  const browserContext = await context.browser.newContext();
  try {
    const page = await browserContext.newPage();
    await page.goto(`${context.pageUrl}?startup${kind === 'misconfigured' ? '&misconfigured' : ''}`);
    const { startup } = await waitForHarness(page, pageTimeoutMs);
    if (!startup) throw new Error('no start-up result');
    samples.add(`${kind}Iframes`, startup.iframes);
    if (!startup.ok) samples.error(`${kind}: ${startup.error} after ${Math.round(startup.ms)} ms`);
    else if (startup.signedIn) samples.error(`${kind}: signed in with no session`);
    else samples.add(`${kind}Ms`, startup.ms);
  } catch (error) {
    samples.error(`${kind}: ${errorMessage(error)}`);
  } finally {
    await browserContext.close();
  }
}
