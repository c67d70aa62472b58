/**
 * The comparator for sorting numbers in ascending order. One module-level function rather than an
 * arrow written at each sort: V8 drops a per-call closure's optimised code at every major GC.
 */
export function ascending(a: number, b: number): number {
  return a - b;
}
