/** `12345` → `12.35 KB` (1 KB = 1,000 bytes, as size-limit counts). */
export function formatBytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(2)} KB`;
}
