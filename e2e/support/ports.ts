/** The tenant the end-to-end tests start: a free port, so a developer's `pnpm tenant` or `pnpm bench` may keep running. */
export const tenantPort = 0;
/** The core test page; the tenant's seeded `sesame-spa` application allows this origin. */
export const corePagePort = 5175;
