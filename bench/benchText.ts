/** What the benchmark scripts share for their command lines and printed tables. */

/** The positive integer after `name` on the command line, or `fallback` when `name` is absent. */
export function integerOption(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** Right-aligned columns after a left-aligned first one, with a rule under the head. */
export function columns(head: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = head.map((cell, column) => Math.max(cell.length, ...body.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(head), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}
