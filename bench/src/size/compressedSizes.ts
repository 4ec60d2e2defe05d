import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Bytes of one bundle: minified, and compressed as a CDN would serve it. */
export interface CompressedSizes {
  minified: number;
  gzip: number;
  brotli: number;
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
