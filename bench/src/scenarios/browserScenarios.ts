import { cachedToken } from './cachedToken.js';
import { coldStart } from './coldStart.js';
import { dpopCost } from './dpopCost.js';
import { forcedRefresh } from './forcedRefresh.js';
import { parallelForced } from './parallelForced.js';
import { redirectLogin } from './redirectLogin.js';
import type { Scenario } from './Scenario.js';
import { severalTabs } from './severalTabs.js';
import { silentAuth } from './silentAuth.js';
import { startUp } from './startUp.js';

/** The scenarios run in Chromium, in report order (scenario 1, size, runs in Node). */
export const browserScenarios: Scenario[] = [
  coldStart,
  redirectLogin,
  cachedToken,
  forcedRefresh,
  parallelForced,
  severalTabs(5, '7a'),
  severalTabs(10, '7b'),
  silentAuth,
  startUp,
  dpopCost,
];
