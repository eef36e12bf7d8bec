import { describe, expect, it } from 'vitest';
import { EntryHeads, PackedTrail } from '../src/engine/PackedTrail.js';
import { packHash, unpackHash } from '../src/engine/packedHash.js';
import { type AuditEntry, sealAuditEntry, sha256, verifyAuditChain } from '../src/index.js';

const T0 = Date.parse('2026-03-02T09:00:00+08:00');

/** A sealed chain of `n` entries, as the runtime writes them. */
function chain(n: number, start = T0): AuditEntry[] {
  const out: AuditEntry[] = [];
  const statuses = ['intake', 'dispatching', 'assigned', 'inProgress'];
  for (let i = 0; i < n; i++) {
    out.push(
      sealAuditEntry(out[i - 1], {
        at: start + i * 60_000,
        actorId: i % 2 === 0 ? 'qj-sj-duty' : 'qj-sj-czjs-staff',
        role: i % 2 === 0 ? 'dutyOfficer' : 'postStaff',
        event: i === 0 ? 'REPORT' : 'PROGRESS',
        from: i === 0 ? null : (statuses[Math.min(i - 1, 3)] as string),
        to: statuses[Math.min(i, 3)] as string,
        note: i % 3 === 0 ? null : `进展 ${i}`,
        data: i === 0 ? { gridId: 'qj-sj-c1-g1', photos: ['a.jpg'] } : null,
      }),
    );
  }
  return out;
}

/** Each entry appended in its own commit, like the runtime does. */
function packed(entries: AuditEntry[], heads = new EntryHeads()): PackedTrail {
  const trail = new PackedTrail();
  for (const e of entries) trail.append([e], heads);
  return trail;
}

const json = (x: unknown) => JSON.stringify(x);

describe('packed audit trails', () => {
  it('given hashes, when packed and unpacked, then every one comes back and anything else is refused', () => {
    for (const text of ['', 'abc', '智治', 'x'.repeat(1000)]) {
      const hash = sha256(text);
      const p = packHash(hash);
      expect(p?.length).toBe(32);
      expect(unpackHash(p as string)).toBe(hash);
    }
    expect(packHash('0'.repeat(64))).toBe('\u0000'.repeat(32));
    expect(packHash('A'.repeat(64))).toBeUndefined(); // upper case is not what sha256 writes
    expect(packHash('g'.repeat(64))).toBeUndefined();
    expect(packHash('0'.repeat(63))).toBeUndefined();
    expect(packHash(`${'0'.repeat(63)}智`)).toBeUndefined();
  });

  it('given a sealed chain appended one entry per commit, then it reads back equal, key order included, and verifies', () => {
    const entries = chain(40);
    const trail = packed(entries);
    expect(trail.length).toBe(40);
    const all = trail.all();
    expect(json(all)).toBe(json(entries));
    expect(all).toEqual(entries);
    expect(verifyAuditChain(all)).toEqual({ ok: true, length: 40 });
    for (let i = 0; i < 40; i++) expect(json(trail.entry(i))).toBe(json(entries[i]));
  });

  it('given a chain appended in one commit (an import), then it reads back equal', () => {
    const entries = chain(12);
    const trail = new PackedTrail();
    trail.append(entries, new EntryHeads());
    expect(json(trail.all())).toBe(json(entries));
  });

  it('given entries months apart, then their times come back exactly', () => {
    const entries = chain(3, T0);
    const later = sealAuditEntry(entries[2], {
      at: T0 + 200 * 24 * 3600_000 + 1,
      actorId: 'qj-sj-duty',
      role: 'dutyOfficer',
      event: 'PROGRESS',
      from: 'assigned',
      to: 'inProgress',
      note: null,
      data: null,
    });
    const trail = packed([...entries, later]);
    expect(trail.all()).toEqual([...entries, later]);
  });

  it('given entries that do not follow the sealed pattern, then they are kept as given and read back equal', () => {
    const [a, b, c] = chain(3);
    // v1: no `v` (written before the hash format was versioned)
    const { v: _v, ...v1 } = a as AuditEntry;
    // an extra key, a reordered entry, a `from` that is not the status before
    const extra = { ...(b as AuditEntry), origin: 'import' } as AuditEntry;
    const { hash, ...rest } = c as AuditEntry;
    const reordered = { hash, ...rest } as AuditEntry;
    const wrongFrom = { ...(c as AuditEntry), from: 'closed' };
    for (const entries of [[v1], [a, extra], [a, b, reordered], [a, b, wrongFrom]]) {
      const trail = packed(entries as AuditEntry[]);
      expect(json(trail.all())).toBe(json(entries));
      for (const [i, e] of entries.entries()) expect(json(trail.entry(i))).toBe(json(e));
    }
  });

  it('given a packed entry after one kept as given, then it still chains to it', () => {
    const entries = chain(4);
    const { v: _v, ...first } = entries[0] as AuditEntry;
    const odd = [first as AuditEntry, ...entries.slice(1)];
    const trail = packed(odd);
    expect(json(trail.all())).toBe(json(odd));
    expect(json(trail.entry(1))).toBe(json(odd[1]));
  });

  it('given an entry read from the trail and edited by its reader, then the trail is unchanged', () => {
    const { v: _v, ...first } = chain(1)[0] as AuditEntry;
    const entries = [first as AuditEntry, ...chain(3).slice(1)];
    const trail = packed(entries);
    const read = trail.all();
    for (const e of read) (e as { note: string | null }).note = 'edited';
    expect(json(trail.all())).toBe(json(entries));
  });

  it('given two trails saying who did what alike, then they share one head', () => {
    const heads = new EntryHeads();
    expect(heads.of('a', 'dutyOfficer', 'ACCEPT', 'dispatching')).toBe(
      heads.of('a', 'dutyOfficer', 'ACCEPT', 'dispatching'),
    );
    expect(heads.of('a', 'dutyOfficer', 'ACCEPT', 'dispatching')).not.toBe(
      heads.of('a', 'dutyOfficer', 'ACCEPT', 'intake'),
    );
  });
});
