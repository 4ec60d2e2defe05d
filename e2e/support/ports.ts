/**
 * The fixed ports of the pages under test. They default to 5173-5175, the origins the tenant's
 * seeded `sesame-spa` application allows; `SESAME_E2E_PORT_BASE` moves all three (React demo at
 * the base, Vue demo at base + 1, core page at base + 2) so two checkouts can run the specs at
 * once — `global-setup.ts` then allows the moved origins at the test tenant.
 */
const base = Number(process.env.SESAME_E2E_PORT_BASE ?? 5173);
if (!Number.isInteger(base) || base < 1024 || base > 65_000) {
  throw new TypeError(
    `SESAME_E2E_PORT_BASE must be a port between 1024 and 65000, got ${process.env.SESAME_E2E_PORT_BASE}`,
  );
}

/** The tenant the end-to-end tests start: a free port, so a developer's `pnpm tenant` or `pnpm bench` may keep running. */
export const tenantPort = 0;
/** The React demo. */
export const reactDemoPort = base;
/** The Vue demo. */
export const vueDemoPort = base + 1;
/** The core test page. */
export const corePagePort = base + 2;
/** The demo API: any free port (the demos are built with its URL). */
export const demoApiPort = 0;

/** The origins of the pages under test, on both loopback names, for the test tenant's applications and the demo API. */
export const pageOrigins = ['127.0.0.1', 'localhost'].flatMap((host) =>
  [reactDemoPort, vueDemoPort, corePagePort].map((port) => `http://${host}:${port}`),
);

/** The fixture apps on the official Auth0 SDKs: auth0-spa-js at base + 3, auth0-react at base + 4. */
export const auth0SpaJsPort = base + 3;
export const auth0ReactPort = base + 4;

/** Their origins, on both loopback names, for the tenant's `auth0-sdk-fixture` application. */
export const auth0SdkOrigins = ['127.0.0.1', 'localhost'].flatMap((host) =>
  [auth0SpaJsPort, auth0ReactPort].map((port) => `http://${host}:${port}`),
);
