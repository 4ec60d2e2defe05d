#!/usr/bin/env node
// `pnpm demo:start`, where the README's `npm run demo` ends: the local tenant, the demo API and
// both demo apps (Vite dev servers), all on 127.0.0.1, in this one process. Ctrl-C stops them.
// A Node script rather than a shell chain, so that it works from npm on any OS.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ports = { tenant: 4000, api: 4001, react: 5173, vue: 5174 };
// A second demo user whose password login asks for a second factor (More logins → Password).
const mfaUser = {
  email: 'mfa@sesame.test',
  password: 'Sesame-Mfa-2026!',
  name: 'MFA User',
  mfa_policy: 'always',
};

// The tenant and the API are TypeScript run from their tsc builds; Vite serves the demos from source.
const build = spawnSync(
  'pnpm',
  ['--filter', '@sesame/tenant', '--filter', '@sesame/demo-api', 'run', 'build'],
  {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const load = (path) => import(pathToFileURL(join(root, path)).href);
const { startTenant, DEMO_USER_EMAIL, DEMO_USER_PASSWORD } = await load('packages/tenant/dist/index.js');
const { startDemoApi } = await load('apps/demo-api/dist/index.js');
const { createServer } = await import('vite');

const running = [];
async function stopAll(code) {
  await Promise.allSettled(running.reverse().map((stop) => stop()));
  if (code === 0) console.log('\nSesame demo stopped.');
  process.exit(code);
}
process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));

try {
  // Signing keys are kept in .tenant-data/, so the demos' stored sessions verify after a restart.
  const tenant = await startTenant({
    port: ports.tenant,
    keysDir: join(root, '.tenant-data'),
    config: {
      connections: [{ name: 'Username-Password-Authentication', users: [mfaUser] }],
    },
  });
  running.push(() => tenant.stop());
  const api = await startDemoApi({ tenantUrl: tenant.url, port: ports.api });
  running.push(() => api.stop());
  for (const app of ['react-demo', 'vue-demo']) {
    // Each app's vite.config.ts sets its port (5173, 5174) with strictPort on 127.0.0.1.
    const server = await createServer({ root: join(root, 'apps', app), logLevel: 'warn' });
    await server.listen();
    running.push(() => server.close());
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\n[demo] could not start: ${message}`);
  if (/in use/i.test(message)) {
    console.error(
      '[demo] is another demo, `pnpm tenant` or a test run still running? Ports: 4000, 4001, 5173, 5174.',
    );
  }
  await stopAll(1);
}

console.log(`
Sesame demo
  React demo   http://127.0.0.1:${ports.react}/
  Vue demo     http://127.0.0.1:${ports.vue}/
  tenant       http://127.0.0.1:${ports.tenant}/
  demo API     http://127.0.0.1:${ports.api}/api/messages
  outbox       http://127.0.0.1:${ports.tenant}/__dev/outbox.html (the emails it "sent": codes)

Log in as ${DEMO_USER_EMAIL} / ${DEMO_USER_PASSWORD}
With a second factor (More logins → Password): ${mfaUser.email} / ${mfaUser.password}
Press Ctrl-C to stop.
`);
