import { demos } from '../support/demoPage.js';
import { optionsFragment } from '../support/pageOptions.js';
import { demoUser } from '../support/tenant.js';
import { waitFor } from './driver/waitFor.js';
import { expect, test } from './fixtures.js';
import { byText, submitLogin } from './steps.js';

// Both demos' happy path, written once and run in every engine: log in, the protected page,
// the API call with the access token, log out.

// several logins and tabs per test: more than the config's 60 s on a busy 2-core machine; each wait stays bounded
test.describe.configure({ timeout: 120_000 });

for (const demo of demos) {
  test(`${demo.name} demo: log in, protected page, API call, log out`, async ({ session, sameSite }) => {
    const tab = await session.newTab();
    await tab.goto(`${demo.url()}${optionsFragment({})}`);
    const topBarName = () => document.querySelector('header .user .name')?.textContent ?? null;

    await tab.click(byText('Log in', 'button', 'header'));
    await submitLogin(tab);
    expect(await waitFor(tab, 'the user in the top bar', topBarName)).toBe(demoUser.name);
    expect((await sameSite.stats()).grantTypes.authorization_code).toBe(1);

    await tab.click(byText('Profile', 'a', 'header'));
    const profile = await waitFor(
      tab,
      'the profile',
      () => document.querySelector('.profile h2')?.textContent,
    );
    expect(profile).toBe(demoUser.name);

    await tab.click(byText('API', 'a', 'header'));
    await tab.click(byText('Call the API'));
    const messages = await waitFor(
      tab,
      "the API's messages",
      () => document.querySelectorAll('.messages li').length,
    );
    expect(messages).toBe(3);

    await tab.click(byText('Log out', 'button', 'header'));
    await waitFor(tab, 'the signed-out top bar', () =>
      [...document.querySelectorAll('header button')].some((b) => b.textContent?.trim() === 'Log in'),
    );
    expect(await tab.evaluate(topBarName)).toBeNull();
  });
}
