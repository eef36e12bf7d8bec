import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  GENESIS_HASH,
  hashAuditEntry,
  sealAuditEntry,
  verifyAuditChain,
} from '../src/index.js';
import { auditEntrySchema, restoreCase } from '../src/persist.js';
import { makeEngine, riverReport } from './support/engineFixture.js';

const T0 = Date.parse('2026-03-02T09:00:00+08:00');

/** A trail of two entries as written before the hash had a format version (v1), hashes frozen. */
const v1Report = {
  seq: 1,
  at: T0,
  actorId: 'qj-sj-c1-g1-worker',
  role: 'gridWorker',
  event: 'REPORT',
  from: null,
  to: 'intake',
  note: '檬梓桥河雨污混流',
  data: { gridId: 'qj-sj-c1-g1', category: 'riverPollution', severity: 'medium' },
  prevHash: GENESIS_HASH,
  hash: 'eaf1d0f88b62544ed7b01840510300a283d429cb8ca084969746d71ff00df58f',
} as const satisfies AuditEntry;
const v1Accept = {
  seq: 2,
  at: T0 + 60_000,
  actorId: 'qj-sj-duty',
  role: 'dutyOfficer',
  event: 'ACCEPT',
  from: 'intake',
  to: 'dispatching',
  note: null,
  data: null,
  prevHash: v1Report.hash,
  hash: '014e4c0449348c94aac0e1c74ee06467f834176835da876eed2f063302645cdc',
} as const satisfies AuditEntry;

type Unsealed = Omit<AuditEntry, 'hash' | 'prevHash' | 'seq' | 'v'>;
const report: Unsealed = {
  at: T0,
  actorId: 'w1',
  role: 'gridWorker',
  event: 'REPORT',
  from: null,
  to: 'intake',
  note: 't',
  data: null,
};

/** Seals `entries` into a v2 chain. */
function chain(...entries: Unsealed[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const e of entries) out.push(sealAuditEntry(out.at(-1), e));
  return out;
}

/** Re-hashes an entry as v1 (no `v`), chained to `previous`: what a forger who knows v1 writes. */
function resealV1(previous: AuditEntry | undefined, e: AuditEntry): AuditEntry {
  const { v: _v, hash: _h, ...rest } = e;
  const unsealed = { ...rest, prevHash: previous?.hash ?? GENESIS_HASH };
  return { ...unsealed, hash: hashAuditEntry(unsealed) };
}

describe('the audit hash (format v2: canonical JSON of the whole entry)', () => {
  it('given a new entry, when sealed, then it carries v: 2 and verifies', () => {
    const trail = chain(report);
    expect(trail[0]?.v).toBe(2);
    expect(verifyAuditChain(trail)).toEqual({ ok: true, length: 1 });
  });

  it('given a sealed report with from: null, when from is edited to the string "null", then the chain breaks at that entry', () => {
    const trail = chain(report);
    const forged = [{ ...(trail[0] as AuditEntry), from: 'null' }];
    expect(verifyAuditChain(forged)).toEqual({ ok: false, brokenAt: 1 });
  });

  const shifts: [string, Partial<Unsealed>, Partial<Unsealed>][] = [
    [
      'event|from',
      { event: 'ESCALATE|intake', from: 'x' },
      { event: 'ESCALATE', from: 'intake|x' },
    ],
    ['from|to', { from: 'a|b', to: 'c' }, { from: 'a', to: 'b|c' }],
  ];
  for (const [where, a, b] of shifts) {
    it(`given two entries that differ only by where a '|' falls (${where}), then their hashes differ`, () => {
      const x = sealAuditEntry(undefined, { ...report, from: 'f', ...a });
      const y = sealAuditEntry(undefined, { ...report, from: 'f', ...b });
      expect(x.hash).not.toBe(y.hash);
    });
  }

  it('given a v2 entry, when its hash is recomputed from a copy with its keys in another order, then it is the same (the field order is fixed, not the object’s)', () => {
    const [e] = chain({ ...report, data: { b: 1, a: { d: 2, c: 3 } } });
    const reordered = JSON.parse(
      JSON.stringify({ ...e, data: { a: { c: 3, d: 2 }, b: 1 } }),
    ) as AuditEntry;
    expect(hashAuditEntry(reordered)).toBe(e?.hash);
  });
});

describe('chains written before the format version (v1)', () => {
  it('given a trail without v, written by the old hash, then it still verifies with its frozen hashes', () => {
    expect(verifyAuditChain([v1Report, v1Accept])).toEqual({ ok: true, length: 2 });
    expect(auditEntrySchema.safeParse(v1Report).success).toBe(true);
  });

  it('given a v1 trail, when a v2 entry is appended, then the trail verifies (an old case goes on in v2)', () => {
    const next = sealAuditEntry(v1Accept, {
      ...report,
      event: 'DISPATCH',
      from: 'dispatching',
      to: 'assigned',
    });
    expect(next.v).toBe(2);
    expect(verifyAuditChain([v1Report, v1Accept, next])).toEqual({ ok: true, length: 3 });
  });

  it('given a v2 trail, when a later entry is re-sealed as v1 (a correct v1 hash, chained), then the chain breaks there: a trail never goes back from v2 to v1', () => {
    const trail = chain(report, { ...report, event: 'ACCEPT', from: 'intake', to: 'dispatching' });
    const downgraded = [trail[0] as AuditEntry, resealV1(trail[0], trail[1] as AuditEntry)];
    expect(hashAuditEntry(downgraded[1] as AuditEntry)).toBe(downgraded[1]?.hash);
    expect(verifyAuditChain(downgraded)).toEqual({ ok: false, brokenAt: 2 });
  });

  it('given an entry whose v is not a known format, then the schema refuses it and the chain breaks there', () => {
    const [e] = chain(report);
    const forged = { ...(e as AuditEntry), v: 3 } as unknown as AuditEntry;
    expect(auditEntrySchema.safeParse(forged).success).toBe(false);
    expect(auditEntrySchema.safeParse({ ...e, v: 1 }).success).toBe(false);
    expect(verifyAuditChain([forged])).toEqual({ ok: false, brokenAt: 1 });
  });

  it('given a case whose trail was written in v1, when it is restored and handled further, then the old entries keep their hashes, new ones are v2, and the case verifies', async () => {
    const { engine } = makeEngine();
    await engine.report(riverReport);
    await engine.send('river-1', { type: 'ACCEPT', by: 'qj-sj-duty' });
    const saved = JSON.parse(JSON.stringify(await engine.persist('river-1')));
    const old: AuditEntry[] = [];
    for (const e of saved.audit as AuditEntry[]) old.push(resealV1(old.at(-1), e));
    saved.audit = old;
    saved.record.lastHash = old.at(-1)?.hash;
    const other = makeEngine();
    expect((await restoreCase(other.engine, saved)).ok).toBe(true);
    const next = await other.engine.send('river-1', {
      type: 'DISPATCH',
      by: 'qj-sj-duty',
      lead: { kind: 'post', id: 'qj-sj-czjs' },
    });
    expect(next.ok && next.entry.v).toBe(2);
    const trail = await other.engine.auditTrail('river-1');
    expect(trail.map((e) => e.v)).toEqual([undefined, undefined, 2]);
    expect(await other.engine.verify('river-1')).toEqual({ ok: true, length: 3 });
  });
});

describe('audit hash v2 encoding', () => {
  it('given any entry, when hashed, then the hash is SHA-256 of the canonical JSON array of its fields', async () => {
    const fc = await import('fast-check');
    const { canonicalJson, hashAuditEntry, sha256, GENESIS_HASH } = await import('../src/index.js');
    // every kind of string the bytes are written for by hand: ASCII, Chinese, emoji (surrogate
    // pairs), lone surrogates, quotes, backslashes and control characters (which JSON escapes)
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ maxLength: 12, unit: 'grapheme' }),
      fc.string({ maxLength: 12, unit: 'binary' }),
      fc.constantFrom('檬梓桥河雨污混流', '"q"', 'a\\b', 'x\u0000y', '\ud83d', '😀\n'),
    );
    const number = fc.oneof(
      fc.integer({ min: 0, max: 4e12 }),
      fc.double(),
      fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 0.1),
    );
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.oneof(fc.integer({ min: 1, max: 1e6 }), number),
          at: number,
          actorId: text,
          role: text,
          event: text,
          from: fc.option(text),
          to: fc.option(text),
          note: fc.option(text),
          prevHash: fc.oneof(fc.constant(GENESIS_HASH), text),
          data: fc.option(fc.dictionary(text, fc.oneof(text, number, fc.boolean()))),
        }),
        (e) => {
          const entry = { v: 2 as const, ...e } as unknown as Omit<AuditEntry, 'hash'>;
          const { v, prevHash, seq, at, actorId, role, event, from, to, note, data } = entry;
          expect(hashAuditEntry(entry)).toBe(
            sha256(
              canonicalJson([v, prevHash, seq, at, actorId, role, event, from, to, note, data]),
            ),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('canonicalJson', () => {
  /** The definition: sorted keys, undefined members left out, holes empty — as map/join wrote it. */
  function reference(value: unknown): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
    if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
    const parts: string[] = [];
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) parts.push(`${JSON.stringify(k)}:${reference(v)}`);
    }
    return `{${parts.join(',')}}`;
  }

  it('given any value (nested, sparse arrays, undefined members, odd keys and numbers), then it writes what the definition writes', async () => {
    const fc = await import('fast-check');
    const { canonicalJson } = await import('../src/index.js');
    const leaf = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.sparseArray(tie('value'), { maxLength: 5 }),
      object: fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('value'), {
        maxKeys: 5,
      }),
    }));
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 2000 },
    );
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson({ a: undefined })).toBe('{}');
  });
});
