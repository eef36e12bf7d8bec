/**
 * The first schema. Every table that belongs to a town carries `town_id` (so that the tables
 * can be distributed by town with Citus later); times are epoch milliseconds (BIGINT) like the
 * core's; the documents are JSONB beside the columns that are queried and indexed.
 */
export const initial: readonly string[] = [
  // the change feed's sequence numbers come from this one row (decision 0013)
  `CREATE TABLE feed_counter (
     id BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
     seq BIGINT NOT NULL
   )`,
  `INSERT INTO feed_counter (id, seq) VALUES (TRUE, 0)`,

  `CREATE SEQUENCE instance_order`,
  `CREATE TABLE instances (
     town_id TEXT NOT NULL,
     id TEXT NOT NULL,
     kind TEXT NOT NULL,
     status TEXT NOT NULL,
     version INTEGER NOT NULL,
     created_order BIGINT NOT NULL DEFAULT nextval('instance_order'),
     sla_due_at BIGINT,
     section TEXT,
     updated_at BIGINT NOT NULL,
     record JSONB NOT NULL,
     PRIMARY KEY (town_id, id)
   )`,
  // ids are unique across towns; distributing by town drops this index (the ids carry their origin)
  `CREATE UNIQUE INDEX instances_id ON instances (id)`,
  `CREATE UNIQUE INDEX instances_created ON instances (created_order)`,
  `CREATE INDEX instances_kind_town_status ON instances (kind, town_id, status, created_order)`,
  `CREATE INDEX instances_kind_status ON instances (kind, status, created_order)`,
  `CREATE INDEX instances_kind_town ON instances (kind, town_id, created_order)`,
  `CREATE INDEX instances_kind ON instances (kind, created_order)`,
  `CREATE INDEX instances_sla_due ON instances (sla_due_at) WHERE sla_due_at IS NOT NULL`,

  `CREATE TABLE audit_entries (
     town_id TEXT NOT NULL,
     instance_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     entry JSONB NOT NULL,
     PRIMARY KEY (town_id, instance_id, seq)
   )`,
  `CREATE INDEX audit_entries_instance ON audit_entries (instance_id, seq)`,

  `CREATE TABLE timers (
     town_id TEXT NOT NULL,
     id TEXT NOT NULL,
     instance_id TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('sla', 'step')),
     due_at BIGINT NOT NULL,
     claimant TEXT,
     claimed_until BIGINT,
     timer JSONB NOT NULL,
     PRIMARY KEY (town_id, id)
   )`,
  `CREATE UNIQUE INDEX timers_id ON timers (id)`,
  `CREATE INDEX timers_instance ON timers (instance_id)`,
  `CREATE INDEX timers_due ON timers (kind, due_at, id)`,
  `CREATE INDEX timers_due_any ON timers (due_at, id)`,

  `CREATE SEQUENCE outbox_order`,
  `CREATE TABLE notifications (
     town_id TEXT NOT NULL,
     id TEXT NOT NULL,
     instance_id TEXT NOT NULL,
     ord BIGINT NOT NULL DEFAULT nextval('outbox_order'),
     delivered_at BIGINT,
     notification JSONB NOT NULL,
     PRIMARY KEY (town_id, id)
   )`,
  `CREATE UNIQUE INDEX notifications_id ON notifications (id)`,
  `CREATE INDEX notifications_pending ON notifications (ord) WHERE delivered_at IS NULL`,

  `CREATE TABLE handoffs (
     town_id TEXT NOT NULL,
     id TEXT NOT NULL,
     ord BIGINT NOT NULL DEFAULT nextval('outbox_order'),
     state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
     handoff JSONB NOT NULL,
     done_order BIGINT,
     failure JSONB,
     PRIMARY KEY (town_id, id)
   )`,
  `CREATE UNIQUE INDEX handoffs_id ON handoffs (id)`,
  `CREATE INDEX handoffs_pending ON handoffs (ord) WHERE state = 'pending'`,
  `CREATE INDEX handoffs_failed ON handoffs (done_order) WHERE state = 'failed'`,

  `CREATE TABLE changes (
     seq BIGINT NOT NULL,
     town_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     instance_id TEXT NOT NULL,
     change JSONB NOT NULL,
     PRIMARY KEY (town_id, seq)
   )`,
  `CREATE UNIQUE INDEX changes_seq ON changes (seq)`,
  `CREATE INDEX changes_instance ON changes (instance_id, seq)`,

  `CREATE SEQUENCE definition_order`,
  `CREATE TABLE definitions (
     id TEXT NOT NULL,
     version TEXT NOT NULL,
     ord BIGINT NOT NULL DEFAULT nextval('definition_order'),
     deployed_at BIGINT NOT NULL,
     deployed_by TEXT NOT NULL,
     doc JSONB NOT NULL,
     PRIMARY KEY (id, version)
   )`,
  `CREATE INDEX definitions_order ON definitions (ord)`,
  `CREATE INDEX definitions_latest ON definitions (id, ord)`,
];
