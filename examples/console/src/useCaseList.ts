import type { CaseRecord } from '@zhizhi/core';
import type { Client } from '@zhizhi/core/client';
import { useEffect, useState } from 'react';

/**
 * The cases of one town, in creation order, kept live: it subscribes to the client's change
 * feed first, then reads the list page by page, and replaces a case whenever a change with a
 * newer version arrives (so a change that lands while the list is read is not lost, and an
 * older read never overwrites a newer one).
 *
 * @example
 * ```tsx
 * import type { Client } from '@zhizhi/core/client';
 * import { useCaseList } from './useCaseList.js';
 * function Count({ client }: { client: Client }) {
 *   return <p>{useCaseList(client, 'qj-sj').length}</p>;
 * }
 * ```
 */
export function useCaseList(client: Client, townId: string): CaseRecord[] {
  const [cases, setCases] = useState<CaseRecord[]>([]);
  useEffect(() => {
    let alive = true;
    const upsert = (record: CaseRecord) =>
      setCases((list) => {
        const i = list.findIndex((c) => c.id === record.id);
        if (i < 0) return [...list, record];
        if ((list[i] as CaseRecord).version >= record.version) return list;
        return list.with(i, record);
      });
    const subscribed = client.subscribe(
      (change) => {
        void client.getCase(change.instanceId).then((r) => alive && r && upsert(r));
      },
      { filter: { kind: 'case', townId } },
    );
    void (async () => {
      await subscribed;
      let cursor: string | null = null;
      do {
        const page = await client.listCases({ townId, limit: 100, ...(cursor ? { cursor } : {}) });
        if (!alive) return;
        for (const r of page.items) upsert(r);
        cursor = page.cursor;
      } while (cursor !== null);
    })();
    return () => {
      alive = false;
      void subscribed.then((sub) => sub.close());
    };
  }, [client, townId]);
  return cases;
}
