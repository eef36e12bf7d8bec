import type { AuditEntry } from '../audit/auditEntry.js';
import { GENESIS_HASH } from '../audit/auditEntry.js';
import { packHash, unpackHash } from './packedHash.js';

/** Who did what, to which status: shared by every entry that says the same (see {@link EntryHeads}). */
class Head {
  constructor(
    readonly actorId: string,
    readonly role: AuditEntry['role'],
    readonly event: string,
    readonly to: string,
  ) {}
}

/** How many heads one actor shares at most; beyond, entries get a head of their own. */
const HEADS_PER_ACTOR = 64;

/**
 * The heads (actor, role, event, status reached) of a store's trails, shared: a town's cases
 * repeat a few hundred of them millions of times.
 *
 * @internal
 */
export class EntryHeads {
  readonly #byActor = new Map<string, Head[]>();

  of(actorId: string, role: AuditEntry['role'], event: string, to: string): Head {
    let heads = this.#byActor.get(actorId);
    if (!heads) {
      heads = [];
      this.#byActor.set(actorId, heads);
    }
    for (const h of heads) if (h.event === event && h.to === to && h.role === role) return h;
    const head = new Head(actorId, role, event, to);
    if (heads.length < HEADS_PER_ACTOR) heads.push(head);
    return head;
  }
}

/** The keys of a sealed entry, in the order `sealAuditEntry` writes them. */
const KEYS = 'v seq at actorId role event from to note data prevHash hash'.split(' ');
/** Slots per entry: head (or the whole entry, kept as given), time after the first, note, data, packed hash. */
const SLOTS = 5;
/** Below this many slots a trail is copied to an array of exact size on append (no spare capacity). */
const EXACT_BELOW = 200;

/**
 * One instance's audit trail as `MemoryStore` keeps it: five slots per entry in one flat array
 * instead of an object of twelve properties and a 64-digit hash string. What follows from the
 * chain is not kept (`v`, `seq`, `from`, `prevHash`); actor, role, event and status reached are
 * one shared {@link EntryHeads} head; the time is kept after the trail's first (a small integer
 * for ~12 days); the hash is packed to 32 one-byte characters. Entries are materialised as plain
 * objects equal to what was committed, key order included (fresh ones: a reader's edit never
 * reaches the store). An entry that does not follow this
 * pattern (a v1 entry, an extra key, a `from` that is not the status before) is kept as given.
 *
 * @internal
 */
export class PackedTrail {
  #slots: unknown[] = [];
  /** `at` of the first entry. */
  #base = 0;
  /** Hash (hex) and status reached of the last entry, which the next one must chain to. */
  #lastHash = GENESIS_HASH;
  #lastTo: string | null = null;

  get length(): number {
    return this.#slots.length / SLOTS;
  }

  /** Appends entries (committed after the ones already here). */
  append(entries: readonly AuditEntry[], heads: EntryHeads): void {
    const old = this.#slots;
    let slots: unknown[];
    if (old.length + entries.length * SLOTS < EXACT_BELOW) {
      slots = new Array(old.length + entries.length * SLOTS);
      for (let i = 0; i < old.length; i++) slots[i] = old[i];
    } else slots = old;
    let at = old.length;
    for (const e of entries) {
      const seq = at / SLOTS + 1;
      if (at === 0) this.#base = e.at;
      const packed = this.#pack(e, seq, heads);
      slots[at] = packed ?? e;
      slots[at + 1] = packed ? e.at - this.#base : 0;
      slots[at + 2] = packed ? e.note : null;
      slots[at + 3] = packed ? e.data : null;
      slots[at + 4] = packed ? packHash(e.hash) : null;
      this.#lastHash = e.hash;
      this.#lastTo = e.to;
      at += SLOTS;
    }
    this.#slots = slots;
  }

  /** The head if `e` can be kept packed as entry number `seq`, else undefined. */
  #pack(e: AuditEntry, seq: number, heads: EntryHeads): Head | undefined {
    if (
      e.v !== 2 ||
      e.seq !== seq ||
      e.prevHash !== this.#lastHash ||
      e.from !== (seq === 1 ? null : this.#lastTo) ||
      typeof e.at !== 'number' ||
      !Object.is(this.#base + (e.at - this.#base), e.at) ||
      typeof e.actorId !== 'string' ||
      typeof e.role !== 'string' ||
      typeof e.event !== 'string' ||
      typeof e.to !== 'string' ||
      packHash(e.hash) === undefined
    )
      return undefined;
    let i = 0;
    for (const key in e) if (key !== KEYS[i++]) return undefined;
    if (i !== KEYS.length) return undefined;
    return heads.of(e.actorId, e.role, e.event, e.to);
  }

  /** Entry `i` (0-based), as committed. */
  entry(i: number): AuditEntry {
    const s = this.#slots;
    const at = i * SLOTS;
    const head = s[at];
    if (!(head instanceof Head)) return { ...(head as AuditEntry) };
    const prev = i === 0 ? undefined : s[at - SLOTS];
    const prevHash =
      prev === undefined
        ? GENESIS_HASH
        : prev instanceof Head
          ? unpackHash(s[at - 1] as string)
          : (prev as AuditEntry).hash;
    const from =
      prev === undefined ? null : prev instanceof Head ? prev.to : (prev as AuditEntry).to;
    return this.#entry(head, i, at, from, prevHash);
  }

  /** Every entry, oldest first. */
  all(): AuditEntry[] {
    const s = this.#slots;
    const out = new Array<AuditEntry>(s.length / SLOTS);
    let prevHash = GENESIS_HASH;
    let from: string | null = null;
    for (let i = 0, at = 0; at < s.length; i++, at += SLOTS) {
      const head = s[at];
      const e: AuditEntry =
        head instanceof Head
          ? this.#entry(head, i, at, from, prevHash)
          : { ...(head as AuditEntry) };
      out[i] = e;
      prevHash = e.hash;
      from = e.to;
    }
    return out;
  }

  #entry(head: Head, i: number, at: number, from: string | null, prevHash: string): AuditEntry {
    const s = this.#slots;
    // the key order of `sealAuditEntry`
    return {
      v: 2,
      seq: i + 1,
      at: this.#base + (s[at + 1] as number),
      actorId: head.actorId,
      role: head.role,
      event: head.event,
      from,
      to: head.to,
      note: s[at + 2] as string | null,
      data: s[at + 3] as Record<string, unknown> | null,
      prevHash,
      hash: unpackHash(s[at + 4] as string),
    };
  }
}
