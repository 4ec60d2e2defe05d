// Size part of the benchmark, runnable on its own:
//   pnpm --filter @sesame/bench run size          weighs every library's minimal apps
//   pnpm --filter @sesame/bench run size:check    weighs Sesame only; exits 1 above the targets
// CI runs the first (`pnpm size`, after the enforced budgets of scripts/size.mjs) to print the ratios.
import { libraries } from './libraries.js';
import { formatBytes } from './report/formatBytes.js';
import { measureAppSizes } from './size/measureAppSizes.js';
import { targets } from './targets.js';

const check = process.argv.includes('--check');
const selected = check ? libraries.filter((library) => library.id === 'sesame') : libraries;
const sizes = await measureAppSizes(selected);

let failed = false;
for (const { library, core, react } of sizes) {
  for (const [variant, outcome, budget] of [
    ['core', core, targets.coreGzip],
    ['react', react, targets.reactGzip],
  ] as const) {
    if (!outcome) continue;
    if (!outcome.ok) {
      console.log(`${library} ${variant}: error: ${outcome.error}`);
      if (library === 'sesame') failed = true;
      continue;
    }
    const { minified, gzip, brotli, lazyGzip } = outcome.value;
    const over = library === 'sesame' && gzip > budget;
    if (over) failed = true;
    const verdict =
      library === 'sesame' ? ` (target ${formatBytes(budget)} gzip: ${over ? 'missed' : 'met'})` : '';
    console.log(
      `${library} ${variant}: at start ${formatBytes(minified)} min, ${formatBytes(gzip)} gzip, ${formatBytes(brotli)} brotli${verdict}` +
        (lazyGzip ? `; loaded when used ${formatBytes(lazyGzip)} gzip` : ''),
    );
  }
}
if (check && failed) {
  console.error('size targets missed');
  process.exit(1);
}
