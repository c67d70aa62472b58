/**
 * `create(key)` made once per key and then handed out again: one store or cache per `ReviewApi`
 * (per window) or per analyzer, which outlives the components that come and go with each record.
 * Held weakly, so a test's fake API and its store go together.
 */
export function oneEach<K extends object, V>(create: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = create(key);
      made.set(key, value);
    }
    return value;
  };
}
