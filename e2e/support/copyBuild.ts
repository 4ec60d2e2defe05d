import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

const text = new Set(['.html', '.js', '.css', '.map', '.json']);
const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Copies a built app from `from` to `to`, with every origin of `origins` (`[built, wanted]`,
 * e.g. one worker slot's tenant URL for another's) replaced in its text files: a build
 * pointed at other servers without running the bundler again. An origin is replaced only where
 * no further digit follows, so `http://127.0.0.1:4000` never matches inside `…:40001`.
 */
export async function copyBuild(from: string, to: string, origins: [string, string][]): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await cp(from, to, { recursive: true });
  const patterns = origins.map(
    ([built, wanted]) =>
      [new RegExp(`${literally(built.replace(/\/$/, ''))}(?!\\d)`, 'g'), wanted.replace(/\/$/, '')] as const,
  );
  const files = await readdir(to, { recursive: true });
  await Promise.all(
    files
      .filter((file) => text.has(extname(file)))
      .map(async (file) => {
        const path = join(to, file);
        const before = await readFile(path, 'utf8');
        const after = patterns.reduce((s, [pattern, wanted]) => s.replace(pattern, wanted), before);
        if (after !== before) await writeFile(path, after);
      }),
  );
}
