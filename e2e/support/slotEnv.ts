/**
 * What the specs read to find one slot's servers (see `global-setup.ts`): the environment
 * variables `TENANT_URL`, `CROSS_SITE_TENANT_URL`, `CORE_PAGE_URL`, `REACT_DEMO_URL`,
 * `VUE_DEMO_URL`, `AUTH0_SPA_JS_URL` and `AUTH0_REACT_URL`.
 */
export type SlotEnv = Record<
  | 'TENANT_URL'
  | 'CROSS_SITE_TENANT_URL'
  | 'CORE_PAGE_URL'
  | 'REACT_DEMO_URL'
  | 'VUE_DEMO_URL'
  | 'AUTH0_SPA_JS_URL'
  | 'AUTH0_REACT_URL',
  string
>;

const SLOTS = 'SESAME_E2E_SLOTS';

/** In global setup: hands every slot's variables to the workers (Playwright passes its environment on). */
export function publishSlots(slots: SlotEnv[]): void {
  process.env[SLOTS] = JSON.stringify(slots);
}

/**
 * In a worker (`TEST_PARALLEL_INDEX` set): sets this worker's slot's variables in its
 * environment, so a spec reads `process.env.TENANT_URL` as with one set of servers. Two workers
 * running at once never share a parallel index, hence never a tenant. Does nothing elsewhere.
 */
export function adoptSlot(): void {
  const index = process.env.TEST_PARALLEL_INDEX;
  const published = process.env[SLOTS];
  if (index === undefined || published === undefined) return;
  const slot = (JSON.parse(published) as SlotEnv[])[Number(index)];
  if (!slot)
    throw new Error(`no servers for worker slot ${index}: global-setup started fewer slots than workers`);
  Object.assign(process.env, slot);
}
