import { describe, expect, it } from 'vitest';
import { type NodeRun, runInNode } from './runInNode.js';

/** Printed nothing on stderr, left nothing open (a BroadcastChannel would keep Node alive), exited 0. */
function expectQuietExit(run: NodeRun): void {
  expect(run.stderr).toBe('');
  expect(run.openHandles).toEqual([]);
  expect(run.code).toBe(0);
}

// Each fixture runs in a Node process of its own, as a server does: no `window`.
describe('in Node, as server-side rendering runs them', () => {
  it('@sesame/core: a client is created, subscribed to and read without a warning or an open handle', async () => {
    const run = await runInNode('core.ts');
    expectQuietExit(run);
    expect(JSON.parse(run.stdout)).toEqual({
      status: 'unauthenticated',
      signedIn: false,
      authorize: '/authorize',
    });
  });

  it('@sesame/react: react-dom/server renders the provider as loading, without a warning or an open handle', async () => {
    const run = await runInNode('react.tsx');
    expectQuietExit(run);
    expect(run.stdout.trim()).toBe('<p>loading</p><p>redirecting</p>');
  });

  it('@sesame/vue: app.use(createAuth()) and a guarded route render on the server, without a warning or an open handle', async () => {
    const run = await runInNode('vue.ts');
    expectQuietExit(run);
    expect(run.stdout.trim()).toBe('<!--[--><p>loading</p><p>account</p><!--]-->');
  });

  it('@sesame/tenant (its build, as `pnpm tenant` runs it): starts and stops without a warning, not even oidc-provider’s asking for Node 22', async () => {
    const run = await runInNode('tenant.mjs');
    expect(run.stderr).toBe('');
    // Sockets closed by stop() are still being released a tick later: what counts is the exit.
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ discovery: 200 });
  });
});
