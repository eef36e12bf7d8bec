/** A `Storage` in memory: each story's designer app keeps its drafts apart from the page's. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      items.set(k, String(v));
    },
    removeItem: (k) => {
      items.delete(k);
    },
    clear: () => items.clear(),
  };
}
