import DataLoader from 'dataloader';

/**
 * The per-request DataLoader registry. Features register a batch function under a name the first
 * time a request needs it; every `load` in the same tick becomes one SQL statement (no N+1).
 * A new registry is made for every request, so nothing is cached across requests or users.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<any, any>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<Map<K, V>>, fallback: V): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(async (keys) => {
        const found = await batch(keys);
        return keys.map((k) => found.get(k) ?? fallback);
      });
      this.loaders.set(name, loader);
    }
    return loader;
  }
}

/** Groups rows into a map by key, for batch functions. */
export function groupBy<K, R>(rows: R[], key: (row: R) => K): Map<K, R[]> {
  const out = new Map<K, R[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

export function indexBy<K, R>(rows: R[], key: (row: R) => K): Map<K, R> {
  return new Map(rows.map((r) => [key(r), r]));
}
