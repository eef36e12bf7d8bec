import type { CaseRecord, ZhizhiError } from '@zhizhi/core';
import type { Client } from '@zhizhi/core/client';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { isTransientError } from './isTransientError.js';
import { newIdempotencyKey } from './newIdempotencyKey.js';
import type { CoordinateSystem, OutboxEntry } from './OutboxEntry.js';

interface OutboxSchema extends DBSchema {
  reports: { key: string; value: OutboxEntry; indexes: { queuedAt: number } };
}

/**
 * Options of an {@link Outbox}.
 *
 * @example
 * ```ts
 * import type { OutboxOptions } from '@zhizhi/widgets';
 * const options: OutboxOptions = { name: 'zhizhi-outbox:qj-sj-c1-g1-worker' };
 * ```
 */
export interface OutboxOptions {
  /** The IndexedDB database (default `zhizhi-outbox`); one per member keeps reports apart. */
  name?: string;
}

/**
 * What one {@link Outbox.flush} did: the reports the server took (`sent`, with their cases),
 * those it refused this time (`refused`: a 4xx, kept as `refused` and never retried) and how
 * many are still pending (a network error stops the flush; they go at the next one).
 *
 * @example
 * ```ts
 * import type { FlushResult } from '@zhizhi/widgets';
 * const done = (r: FlushResult) => r.kept === 0 && r.refused.length === 0;
 * ```
 */
export interface FlushResult {
  sent: { entry: OutboxEntry; record: CaseRecord }[];
  refused: OutboxEntry[];
  kept: number;
}

/**
 * Turns a photo into a URL the report can carry (the portal's upload service; the zhizhi
 * server has no photo upload of its own).
 *
 * @example
 * ```ts
 * import type { PhotoUploader } from '@zhizhi/widgets';
 * const upload: PhotoUploader = async (photo) =>
 *   (await (await fetch('/portal/upload', { method: 'POST', body: photo })).json()).url;
 * ```
 */
export type PhotoUploader = (photo: Blob, entry: OutboxEntry) => Promise<string>;

const noUploader: ZhizhiError = {
  code: 'outbox.noPhotoUploader',
  path: ['photos'],
  params: {},
  message: {
    zh: '有照片待上传，但页面未提供照片上传（uploadPhoto）',
    en: 'Photos are waiting but the page gave no photo uploader (uploadPhoto)',
  },
};

/**
 * The offline outbox of reports, in IndexedDB (no service worker: a script embedded in
 * someone else's portal cannot register one). A report is queued with a client-made
 * idempotency key and stays until the server has it: `flush` sends the pending reports oldest
 * first with their keys, deletes each one the server took, keeps them all when the network
 * fails (stopping at the first network error) and marks a report the server refused (a 4xx)
 * `refused`, never to be retried. Flushes are serialised across elements and tabs with a Web
 * Lock, and the key makes a retry of a report whose answer was lost open no second case.
 *
 * @example
 * ```ts
 * import { Outbox } from '@zhizhi/widgets';
 * const outbox = new Outbox({ name: 'zhizhi-outbox' });
 * await outbox.add({ gridId: 'qj-sj-c1-g1', reporterId: 'qj-sj-c1-g1-worker',
 *   category: 'riverPollution', severity: 'medium', title: '河面有油污' });
 * const result = await outbox.flush(client); // client: any Client, e.g. HttpClient
 * console.log(result.sent.length, result.kept);
 * ```
 */
export class Outbox {
  readonly name: string;
  #db: Promise<IDBPDatabase<OutboxSchema>> | undefined;
  #chain: Promise<unknown> = Promise.resolve();

  constructor(options: OutboxOptions = {}) {
    this.name = options.name ?? 'zhizhi-outbox';
  }

  #open(): Promise<IDBPDatabase<OutboxSchema>> {
    this.#db ??= openDB<OutboxSchema>(this.name, 1, {
      upgrade(db) {
        const store = db.createObjectStore('reports', { keyPath: 'key' });
        store.createIndex('queuedAt', 'queuedAt');
      },
    });
    return this.#db;
  }

  /** Queues a report; returns the stored entry (its `key` is the idempotency key). */
  async add(
    input: Record<string, unknown>,
    options: { photos?: Blob[]; coordinateSystem?: CoordinateSystem; queuedAt?: number } = {},
  ): Promise<OutboxEntry> {
    const entry: OutboxEntry = {
      key: newIdempotencyKey(),
      input,
      photos: options.photos ?? [],
      ...(options.coordinateSystem ? { coordinateSystem: options.coordinateSystem } : {}),
      queuedAt: options.queuedAt ?? Date.now(),
      attempts: 0,
      state: 'pending',
    };
    const db = await this.#open();
    await db.put('reports', entry);
    return entry;
  }

  /** Every entry, oldest first (pending and refused). */
  async entries(): Promise<OutboxEntry[]> {
    const db = await this.#open();
    return db.getAllFromIndex('reports', 'queuedAt');
  }

  /** Deletes an entry (e.g. a refused report the user dismissed). */
  async remove(key: string): Promise<void> {
    const db = await this.#open();
    await db.delete('reports', key);
  }

  /**
   * Sends the pending reports, oldest first, each with its idempotency key (see the class).
   * Photos go first through `uploadPhoto`; their URLs are stored on the entry before the
   * report is sent, so a retry does not upload them again.
   */
  flush(client: Client, options: { uploadPhoto?: PhotoUploader } = {}): Promise<FlushResult> {
    const run = () => this.#flush(client, options);
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const next = this.#chain.then(
      async (): Promise<FlushResult> =>
        locks ? await locks.request(`zz-outbox:${this.name}`, run) : run(),
    );
    this.#chain = next.catch(() => undefined);
    return next;
  }

  /** Closes the database connection (the entries stay). */
  async close(): Promise<void> {
    const db = this.#db;
    this.#db = undefined;
    if (db) (await db).close();
  }

  async #flush(client: Client, options: { uploadPhoto?: PhotoUploader }): Promise<FlushResult> {
    const db = await this.#open();
    const result: FlushResult = { sent: [], refused: [], kept: 0 };
    const pending = (await db.getAllFromIndex('reports', 'queuedAt')).filter(
      (e) => e.state === 'pending',
    );
    for (let i = 0; i < pending.length; i++) {
      const entry = pending[i] as OutboxEntry;
      entry.attempts += 1;
      const error = await this.#uploadPhotos(entry, options.uploadPhoto);
      if (error) {
        entry.error = error;
        await db.put('reports', entry);
        result.kept = pending.length - i;
        break;
      }
      const r = await client.report(entry.input, { idempotencyKey: entry.key });
      if (r.ok) {
        await db.delete('reports', entry.key);
        result.sent.push({ entry, record: r.record });
        continue;
      }
      entry.error = r.error;
      if (isTransientError(r.error)) {
        await db.put('reports', entry);
        result.kept = pending.length - i;
        break;
      }
      entry.state = 'refused';
      await db.put('reports', entry);
      result.refused.push(entry);
    }
    return result;
  }

  async #uploadPhotos(
    entry: OutboxEntry,
    upload: PhotoUploader | undefined,
  ): Promise<ZhizhiError | undefined> {
    if (entry.photos.length === 0) return undefined;
    if (!upload) return noUploader;
    const urls = Array.isArray(entry.input.photos) ? [...(entry.input.photos as string[])] : [];
    try {
      for (const photo of entry.photos) urls.push(await upload(photo, entry));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return {
        code: 'client.network',
        path: ['photos'],
        params: { reason },
        message: { zh: `照片上传失败：${reason}`, en: `Photo upload failed: ${reason}` },
      };
    }
    entry.input = { ...entry.input, photos: urls };
    entry.photos = [];
    return undefined;
  }
}
