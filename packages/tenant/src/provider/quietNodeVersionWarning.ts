// oidc-provider 9 prints "Unsupported runtime. Use Node.js v22.x LTS" when it is imported on
// Node 20: its maintainer supports Node 22 LTS only. This tenant is a development and test
// server, and its whole test suite (CI included) runs on Node 20.19+, the version the README
// asks for; so on Node 20 that one line is dropped, and the README says why. Any other output
// passes through, and on other runtimes (Node 21, 23, Bun, Deno) the warning stays.
// Imported first by the tenant's entry modules, so it runs before oidc-provider is evaluated.
const NOTICE = 'Unsupported runtime. Use Node.js v22';

if (process.versions.node.startsWith('20.')) {
  const warn = console.warn;
  const quiet = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes(NOTICE)) return;
    warn.apply(console, args);
  };
  console.warn = quiet;
  // oidc-provider warns while its module is evaluated, in the same synchronous pass as this one.
  setImmediate(() => {
    if (console.warn === quiet) console.warn = warn;
  });
}
