/** How a column's cells are aligned. */
export type Align = 'left' | 'right';

/**
 * A Markdown table with padded columns, as Biome's Markdown formatter writes it (so that the
 * generated `RESULTS.md` passes `pnpm lint` as written). Rows shorter than the header are
 * filled with empty cells. Cells must already be escaped (`|` as `\|`).
 */
export function markdownTable(header: string[], align: Align[], rows: string[][]): string[] {
  const cells = [header, ...rows].map((row) => header.map((_, index) => row[index] ?? ''));
  const widths = header.map((_, index) => Math.max(3, ...cells.map((row) => row[index]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, index) => (align[index] === 'right' ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!))).join(' | ')} |`;
  const rule = `| ${widths.map((width, index) => (align[index] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)];
}
