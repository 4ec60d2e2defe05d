/**
 * The fixed ports of the pages under test. Each Playwright worker has a set of servers of its own
 * (see `global-setup.ts`), in a slot numbered by its parallel index: slot `n`'s pages are at
 * `base + 10 n` (React demo), `+ 1` (Vue demo), `+ 2` (core page), `+ 3` and `+ 4` (the Auth0 SDK
 * fixture apps). The base defaults to 5173, so slot 0's demos and core page are 5173-5175, the
 * origins the tenant's seeded `sesame-spa` application allows; `SESAME_E2E_PORT_BASE` moves them
 * so two checkouts can run the specs at once — `global-setup.ts` allows every slot's origins at
 * that slot's tenants.
 */
const base = Number(process.env.SESAME_E2E_PORT_BASE ?? 5173);
if (!Number.isInteger(base) || base < 1024 || base > 65_000) {
  throw new TypeError(
    `SESAME_E2E_PORT_BASE must be a port between 1024 and 65000, got ${process.env.SESAME_E2E_PORT_BASE}`,
  );
}

/** Ports between the pages of two slots. */
export const SLOT_STRIDE = 10;

/** The ports of one slot's pages. */
export interface SlotPorts {
  /** The React demo. */
  reactDemo: number;
  /** The Vue demo. */
  vueDemo: number;
  /** The core test page. */
  corePage: number;
  /** The fixture app on auth0-spa-js. */
  auth0SpaJs: number;
  /** The fixture app on auth0-react. */
  auth0React: number;
}

/** The pages' ports of slot `slot` (a worker's parallel index). */
export function slotPorts(slot: number): SlotPorts {
  const first = base + slot * SLOT_STRIDE;
  if (first + 4 > 65_535)
    throw new RangeError(`slot ${slot} has no ports above SESAME_E2E_PORT_BASE ${base}`);
  return {
    reactDemo: first,
    vueDemo: first + 1,
    corePage: first + 2,
    auth0SpaJs: first + 3,
    auth0React: first + 4,
  };
}

const onLoopback = (ports: number[]) =>
  ['127.0.0.1', 'localhost'].flatMap((host) => ports.map((port) => `http://${host}:${port}`));

/** Slot `slot`'s demo and core-page origins, on both loopback names, for its tenants' applications and demo API. */
export const slotPageOrigins = (slot: number): string[] => {
  const { reactDemo, vueDemo, corePage } = slotPorts(slot);
  return onLoopback([reactDemo, vueDemo, corePage]);
};

/** Slot `slot`'s Auth0 SDK fixture origins, on both loopback names, for its tenant's `auth0-sdk-fixture` application. */
export const slotAuth0SdkOrigins = (slot: number): string[] => {
  const { auth0SpaJs, auth0React } = slotPorts(slot);
  return onLoopback([auth0SpaJs, auth0React]);
};

/** This process's slot: the Playwright worker's parallel index (0 outside a worker). */
export const currentSlot = Number(process.env.TEST_PARALLEL_INDEX ?? 0);

/** The tenant the end-to-end tests start: a free port, so a developer's `pnpm tenant` or `pnpm bench` may keep running. */
export const tenantPort = 0;
/** The demo API: any free port (the demos are built with its URL). */
export const demoApiPort = 0;
/** This worker's core test page. */
export const corePagePort = slotPorts(currentSlot).corePage;
/** This worker's page origins, on both loopback names (see {@link slotPageOrigins}). */
export const pageOrigins = slotPageOrigins(currentSlot);
