#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from './config/ConfigError.js';
import { describeTenant } from './describeTenant.js';
import { startTenant } from './startTenant.js';
import { describeTrust } from './tls/describeTrust.js';

const usage = `Usage: sesame-tenant [options]

Starts a local Auth0-compatible tenant (default http://127.0.0.1:4000/).

Options:
  --port N        port to listen on (default 4000; 0 = any free port)
  --host HOST     interface to listen on (default 127.0.0.1)
  --issuer URL    issuer identifier (default http://127.0.0.1:PORT/, https:// with --https)
  --https         serve TLS with a self-signed certificate for 127.0.0.1 and localhost,
                  kept next to the signing keys; prints how to trust it
  --trust-proxy   behind a reverse proxy: take the scheme and host from X-Forwarded-Proto
                  and X-Forwarded-Host, the client IP (per-IP limits) from X-Forwarded-For
  --config FILE   JSON config file (applications, APIs, users, lifetimes)
  --data DIR      keep signing keys and state (users, sessions, tokens) in DIR
  --no-dev        do not serve /__dev/* (stats, reset)
  --no-rate-limits  no 429s: turn off Auth0's rate limits (/oauth/token, /passwordless/start)
  -h, --help      show this help

Without --data, signing keys are kept in ./.tenant-data/keys.json and state in memory.
Relative paths are resolved against the directory the command was started from.`;

async function main() {
  // `pnpm tenant -- --port 4001` passes the `--` through; it means nothing here.
  const args = process.argv.slice(2);
  if (args[0] === '--') args.shift();
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      issuer: { type: 'string' },
      config: { type: 'string' },
      data: { type: 'string' },
      https: { type: 'boolean' },
      'trust-proxy': { type: 'boolean' },
      dev: { type: 'boolean' },
      'no-dev': { type: 'boolean' },
      'no-rate-limits': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? 4000 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new TypeError(`--port must be a port number, got "${values.port}"`);

  // Under `pnpm tenant` the working directory is packages/tenant; paths given on the
  // command line are meant relative to where the command was typed (INIT_CWD).
  const base = process.env.INIT_CWD ?? process.cwd();
  const tenant = await startTenant({
    port,
    ...(values.host ? { host: values.host } : {}),
    ...(values.issuer ? { issuer: values.issuer } : {}),
    ...(values.config ? { configFile: resolve(base, values.config) } : {}),
    ...(values.data ? { dataDir: resolve(base, values.data) } : { keysDir: resolve(base, '.tenant-data') }),
    ...(values.https ? { https: true } : {}),
    ...(values['trust-proxy'] ? { trustProxy: true } : {}),
    ...(values['no-dev'] ? { dev: false } : values.dev ? { dev: true } : {}),
    ...(values['no-rate-limits'] ? { rateLimits: false } : {}),
  });
  console.log(describeTenant(tenant, { showPasswords: true }));
  if (tenant.tls) console.log(describeTrust(tenant.url, tenant.tls));

  const shutdown = () => {
    tenant.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof TypeError) {
    console.error(`sesame-tenant: ${error.message}`);
  } else {
    console.error('sesame-tenant: could not start:', error);
  }
  process.exit(1);
});
