import { fileURLToPath } from 'node:url';
import type { Library } from '../libraries.js';
import { attempt, type Outcome } from '../outcome.js';
import { bundle } from './bundle.js';
import { appSizes, type CompressedSizes } from './compressedSizes.js';

/** React and ReactDOM are the app's, not the auth library's: they are left out of the binding apps. */
export const reactExternals = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'];

/** Sizes of one library's minimal apps. `react` is absent when the library has no React binding. */
export interface AppSizes {
  library: string;
  core: Outcome<CompressedSizes>;
  react?: Outcome<CompressedSizes>;
}

const appsDir = new URL('../apps/', import.meta.url);

/** Bundles and weighs the minimal app (and the React app) of each library, one after another. */
export async function measureAppSizes(libraries: Library[]): Promise<AppSizes[]> {
  const results: AppSizes[] = [];
  for (const library of libraries) {
    const core = await attempt(async () => appSizes(await bundle(appPath(library.app))));
    const { reactApp } = library;
    const react = reactApp
      ? await attempt(async () => appSizes(await bundle(appPath(reactApp.file), reactExternals)))
      : undefined;
    results.push(react ? { library: library.id, core, react } : { library: library.id, core });
  }
  return results;
}

function appPath(file: string): string {
  return fileURLToPath(new URL(file, appsDir));
}
