/** The tenant the end-to-end tests start: a free port, so a developer's `pnpm tenant` or `pnpm bench` may keep running. */
export const tenantPort = 0;
/** The core test page; the tenant's seeded `sesame-spa` application allows this origin. */
export const corePagePort = 5175;
/** The demo apps, on the origins the tenant's seeded application allows. */
export const reactDemoPort = 5173;
export const vueDemoPort = 5174;
/** The demo API: any free port (the demos are built with its URL). */
export const demoApiPort = 0;
