import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { BundledApp } from './bundle.js';

/**
 * Bytes of what an app loads at start: minified, and compressed as a CDN would serve it (each file
 * on its own, added up); `lazyGzip` is what it loads only when used (gzip, added up likewise).
 */
export interface CompressedSizes {
  minified: number;
  gzip: number;
  brotli: number;
  lazyGzip?: number;
}

/** Measures an app's files: each minified as given, gzip level 9 and brotli quality 11 (node:zlib), added up. */
export function appSizes({ start, lazy }: BundledApp): CompressedSizes {
  const sum = (files: Uint8Array[], measure: (code: Uint8Array) => number) =>
    files.reduce((total, code) => total + measure(code), 0);
  const gzip = (code: Uint8Array) => compressedSizes(code).gzip;
  return {
    minified: sum(start, (code) => code.byteLength),
    gzip: sum(start, gzip),
    brotli: sum(start, (code) => compressedSizes(code).brotli),
    ...(lazy.length > 0 && { lazyGzip: sum(lazy, gzip) }),
  };
}

/** Measures `code` minified as given, gzip level 9 and brotli quality 11 (node:zlib). */
export function compressedSizes(code: Uint8Array): CompressedSizes {
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: code.byteLength,
      },
    }).byteLength,
  };
}
