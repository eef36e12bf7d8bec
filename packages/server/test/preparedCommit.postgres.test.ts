import { afterAll, describe, expect, it } from 'vitest';
import { PgStore, pgDriver } from '../src/index.js';
import { localClient, report } from './clients.js';
import { freshSchema, postgresAvailable } from './services.js';

const available = await postgresAvailable('preparedCommit.postgres.test.ts');
const space = available ? await freshSchema('prepared') : undefined;
afterAll(() => space?.drop());

/** The statements the connection of a one-connection driver has prepared, by text. */
async function prepared(driver: ReturnType<typeof pgDriver>): Promise<string[]> {
  const rows = await driver.query<{ statement: string }>(
    'SELECT statement FROM pg_prepared_statements ORDER BY statement',
  );
  return rows.map((r) => r.statement);
}

describe.skipIf(!available)('the commit statement, prepared once per connection', () => {
  it('given the pg driver, when cases are reported and moved, then the commit is a prepared statement of that connection and every commit still lands', async () => {
    const s = space as NonNullable<typeof space>;
    const driver = pgDriver(s.pool(1));
    const store = await PgStore.open(driver);
    const { client } = localClient(store);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await client.report(report(`prepared ${i}`));
      if (!r.ok) throw new Error(r.error.message.en);
      ids.push(r.record.id);
    }
    // three sent at once share one call of zz_commit_many: prepared too
    const sent = await Promise.all(
      ids.map((id) => client.send(id, { type: 'ACCEPT', by: 'qj-sj-duty' })),
    );
    expect(sent.map((r) => r.ok)).toEqual([true, true, true]);
    expect(await prepared(driver)).toEqual([
      'SELECT i, seq, code, detail FROM zz_commit_many($1::jsonb)',
      'SELECT zz_commit($1::jsonb) AS seq',
    ]);
    for (const id of ids) expect((await store.load(id))?.version).toBe(2);
    await client.close();
  });

  it('given prepare: false (a pooler in transaction mode), then nothing is prepared and commits land the same', async () => {
    const s = space as NonNullable<typeof space>;
    const driver = pgDriver(s.pool(1), { prepare: false });
    const store = await PgStore.open(driver);
    const { client } = localClient(store);
    const r = await client.report(report('unprepared'));
    expect(r.ok).toBe(true);
    expect(await prepared(driver)).toEqual([]);
    await client.close();
  });
});
