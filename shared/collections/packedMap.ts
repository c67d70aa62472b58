/**
 * `items.map(f)`, always as a packed array. `Array.prototype.map` returns a holey array when its
 * caller runs unoptimised and a packed one once the caller is optimised; code reading such arrays
 * (`some`, `sort`, indexing) was deoptimised ("wrong map") each time the other kind reached it.
 * Arrays built by `push` from `[]` are packed from the start.
 */
export function packedMap<T, U>(items: readonly T[], f: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(f(items[i]!, i));
  return out;
}
