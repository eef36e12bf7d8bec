/**
 * The access log of personal data (decision in docs/server.md, "Personal data"): one
 * hash-chained entry per unmasking, chained per town (rows carry their town like every other
 * table), apart from the instances' trails so that reading personal data never bumps a
 * record's version.
 */
export const accessLog: readonly string[] = [
  `CREATE TABLE access_log (
     town_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     instance_id TEXT NOT NULL,
     entry JSONB NOT NULL,
     PRIMARY KEY (town_id, seq)
   )`,
  `CREATE INDEX access_log_instance ON access_log (instance_id, seq)`,
];
