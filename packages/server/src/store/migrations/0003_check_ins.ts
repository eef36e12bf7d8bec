/**
 * Check-ins (打卡) of grid workers: append-only facts beside the instances (not in the change
 * feed, see docs/server.md "Check-ins"), keyed by town like every other table. `id` is derived
 * from the check-in's content, so a retried check-in is stored once; `stored_order` pages them
 * in the order stored.
 */
export const checkIns: readonly string[] = [
  `CREATE SEQUENCE check_in_order`,
  `CREATE TABLE check_ins (
     town_id TEXT NOT NULL,
     id TEXT NOT NULL,
     grid_id TEXT NOT NULL,
     worker_id TEXT NOT NULL,
     at BIGINT NOT NULL,
     stored_order BIGINT NOT NULL DEFAULT nextval('check_in_order'),
     record JSONB NOT NULL,
     PRIMARY KEY (town_id, id)
   )`,
  // ids are unique across towns (the worker is in the hash); distributing by town drops this index
  `CREATE UNIQUE INDEX check_ins_id ON check_ins (id)`,
  `CREATE INDEX check_ins_worker ON check_ins (worker_id, stored_order)`,
  `CREATE INDEX check_ins_town ON check_ins (town_id, stored_order)`,
  `CREATE INDEX check_ins_grid ON check_ins (grid_id, stored_order)`,
];
