import type { Driver } from '../store/driver.js';

/** The image types a photo may be. */
export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** A stored photo. */
export interface Photo {
  /** SHA-256 of the bytes, hex. */
  id: string;
  townId: string;
  contentType: PhotoType;
  bytes: Uint8Array;
  /** Everyone who uploaded these bytes. */
  uploaders: string[];
  uploadedAt: number;
}

/**
 * Where photos are kept: {@link pgPhotoStore} (the `photos` table of a `PgStore`, PGlite or
 * PostgreSQL) or {@link memoryPhotoStore} (a server over a `MemoryStore`).
 *
 * @example
 * ```ts
 * import { memoryPhotoStore } from '@zhizhi/server';
 * const photos = memoryPhotoStore();
 * ```
 */
export interface PhotoStore {
  /** Stores the photo (once per id) and adds `uploader` to its uploaders. */
  put(photo: Omit<Photo, 'uploaders'> & { uploader: string }): Promise<void>;
  get(id: string): Promise<Photo | undefined>;
}

/**
 * Photos in memory (a server over a `MemoryStore`; lost on restart).
 *
 * @example
 * ```ts
 * import { memoryPhotoStore } from '@zhizhi/server';
 * await memoryPhotoStore().get('0'.repeat(64)); // undefined
 * ```
 */
export function memoryPhotoStore(): PhotoStore {
  const rows = new Map<string, Photo>();
  return {
    async put({ uploader, ...photo }) {
      const row = rows.get(photo.id);
      if (!row) rows.set(photo.id, { ...photo, uploaders: [uploader] });
      else if (!row.uploaders.includes(uploader)) row.uploaders.push(uploader);
    },
    async get(id) {
      return rows.get(id);
    },
  };
}

/**
 * Photos in the `photos` table (migration 0004) of a PGlite or PostgreSQL database.
 *
 * @example
 * ```ts
 * import { PgStore, pgliteDriver, pgPhotoStore } from '@zhizhi/server';
 * const store = await PgStore.open(await pgliteDriver('memory'));
 * const photos = pgPhotoStore(store.driver);
 * ```
 */
export function pgPhotoStore(driver: Driver): PhotoStore {
  return {
    async put({ uploader, ...p }) {
      await driver.query(
        `INSERT INTO photos (town_id, id, content_type, size, bytes, uploaders, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, ARRAY[$6]::text[], $7)
         ON CONFLICT (id) DO UPDATE SET uploaders = array_append(photos.uploaders, $6)
           WHERE NOT ($6 = ANY(photos.uploaders))`,
        [p.townId, p.id, p.contentType, p.bytes.byteLength, p.bytes, uploader, p.uploadedAt],
      );
    },
    async get(id) {
      const [row] = await driver.query<{
        town_id: string;
        content_type: PhotoType;
        bytes: Uint8Array;
        uploaders: string[];
        uploaded_at: unknown;
      }>('SELECT town_id, content_type, bytes, uploaders, uploaded_at FROM photos WHERE id = $1', [
        id,
      ]);
      if (!row) return undefined;
      return {
        id,
        townId: row.town_id,
        contentType: row.content_type,
        bytes: row.bytes,
        uploaders: row.uploaders,
        uploadedAt: Number(row.uploaded_at),
      };
    },
  };
}
