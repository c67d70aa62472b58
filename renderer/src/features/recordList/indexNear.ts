/**
 * Where `id` is in `ids`, looked for first at `hint` and beside it (an arrow key moves the
 * selection one row), then through the whole list: over 100,000 records that scan is a
 * millisecond a render, which every record switch would otherwise pay. -1 when absent.
 */
export function indexNear(ids: readonly string[], id: string | null, hint: number): number {
  if (id === null) return -1;
  for (const at of [hint, hint - 1, hint + 1]) if (ids[at] === id) return at;
  return ids.indexOf(id);
}
