/**
 * Photos of reports and progress notes, in the database for PGlite and PostgreSQL alike (one
 * mechanism: a BYTEA column; backups and replicas carry them with the cases). `id` is the
 * SHA-256 of the bytes (content-addressed: the same photo uploaded twice is one row, and its
 * `uploaders` grow); the row carries the first uploader's town like every other table.
 */
export const photos: readonly string[] = [
  `CREATE TABLE photos (
     town_id TEXT NOT NULL,
     id TEXT NOT NULL,
     content_type TEXT NOT NULL,
     size INTEGER NOT NULL,
     bytes BYTEA NOT NULL,
     uploaders TEXT[] NOT NULL,
     uploaded_at BIGINT NOT NULL,
     PRIMARY KEY (town_id, id)
   )`,
  // content-addressed ids are unique across towns; distributing by town drops this index
  `CREATE UNIQUE INDEX photos_id ON photos (id)`,
];
