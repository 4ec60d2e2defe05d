/** `12345` → `12.06 KB` (1 KB = 1,024 bytes, as `scripts/size.mjs` counts). */
export function formatBytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB`;
}
