/**
 * One round trip per commit, and commits that do not wait for each other's disk flush
 * (decision 0016 in docs/decisions/).
 *
 * - `zz_commit(c)` does everything `PgStore.commit` did in seven statements — the version check,
 *   the hand-off it delivers, the trail, the timers, the outbox, the change — in one call, so a
 *   commit costs one round trip and one implicit transaction. A version conflict is raised as
 *   SQLSTATE `ZZ409` with the version found in `DETAIL` (`-1`: the hand-off was delivered).
 * - The change feed's numbers are still handed out in commit order under the one-row counter,
 *   but a commit no longer has to wait for it: it takes the counter only if nobody holds it
 *   (`SKIP LOCKED`), numbers what others left queued and then its own change. When another commit
 *   holds the counter, it puts its change in `change_queue` and commits at once — so concurrent
 *   commits share PostgreSQL's group commit instead of flushing one after another — and the
 *   holder of a later turn numbers it (`zz_sequence()` waits for that turn; the store calls it
 *   for a commit whose change was left queued).
 * - Numbers are given in queue order (`ord`), in the transaction that holds the counter: a change
 *   that depends on another (the next version of an instance, a hand-off's delivery) was queued
 *   after that one committed, so it is numbered after it; a reader never sees a gap filled later.
 */
export const oneTripCommit: readonly string[] = [
  `CREATE SEQUENCE change_order`,
  `CREATE TABLE change_queue (
     town_id TEXT NOT NULL,
     ord BIGINT NOT NULL DEFAULT nextval('change_order'),
     kind TEXT NOT NULL,
     instance_id TEXT NOT NULL,
     version INTEGER NOT NULL,
     change JSONB NOT NULL,
     PRIMARY KEY (town_id, ord)
   )`,
  // read in this order only through the index: an index scan skips the dead rows of earlier
  // turns (killed index entries) where a scan of the table would read them all until vacuum
  `CREATE INDEX change_queue_ord ON change_queue (ord)`,

  // Numbers every queued change this transaction can see; the caller holds the counter's row.
  `CREATE FUNCTION zz_number() RETURNS TABLE (instance_id TEXT, version INTEGER, seq BIGINT)
   LANGUAGE plpgsql SET enable_seqscan = off AS $$
   DECLARE base BIGINT;
   BEGIN
     -- a statement of its own: its snapshot is taken after the counter was locked
     SELECT f.seq INTO base FROM feed_counter f WHERE f.id;
     RETURN QUERY
       WITH moved AS (
         DELETE FROM change_queue q
         WHERE q.ord IN (SELECT w.ord FROM change_queue w ORDER BY w.ord)
         RETURNING q.town_id, q.ord, q.kind, q.instance_id, q.version, q.change
       ), numbered AS (
         SELECT m.*, base + row_number() OVER (ORDER BY m.ord) AS s FROM moved m
       ), written AS (
         INSERT INTO changes (seq, town_id, kind, instance_id, change)
         SELECT n.s, n.town_id, n.kind, n.instance_id, n.change FROM numbered n
         RETURNING 1
       ), counted AS (
         UPDATE feed_counter SET seq = base + (SELECT count(*) FROM numbered) WHERE id
         RETURNING 1
       )
       -- (data-modifying WITH clauses run to completion whether read or not)
       SELECT n.instance_id, n.version, n.s FROM numbered n;
   END $$`,

  // Waits for the counter, then numbers what is queued (nothing to do: returns at once).
  `CREATE FUNCTION zz_sequence() RETURNS TABLE (instance_id TEXT, version INTEGER, seq BIGINT)
   LANGUAGE plpgsql SET enable_seqscan = off AS $$
   BEGIN
     IF NOT EXISTS (SELECT 1 FROM change_queue w ORDER BY w.ord LIMIT 1) THEN RETURN; END IF;
     PERFORM 1 FROM feed_counter f WHERE f.id FOR UPDATE;
     RETURN QUERY SELECT * FROM zz_number();
   END $$`,

  // One commit (see PgStore.commit for the shape of c). Returns the change's sequence number,
  // or NULL when another commit held the counter and the change waits in the queue.
  `CREATE FUNCTION zz_commit(c JSONB) RETURNS BIGINT LANGUAGE plpgsql SET enable_seqscan = off AS $$
   DECLARE
     r JSONB := c->'row';
     rid TEXT := c->'row'->>'id';
     town TEXT := c->'row'->>'townId';
     expected INTEGER := (c->>'expectedVersion')::integer;
     found_version INTEGER;
     s BIGINT;
   BEGIN
     -- 1. the version check: nothing is written before it passes
     IF expected = 0 THEN
       INSERT INTO instances (id, status, version, sla_due_at, section, updated_at, record, town_id, kind)
       VALUES (rid, r->>'status', (r->>'version')::integer, (r->>'slaDueAt')::numeric::bigint,
               r->>'section', (r->>'updatedAt')::numeric::bigint, c->'record', town, r->>'kind')
       ON CONFLICT DO NOTHING;
     ELSE
       UPDATE instances SET status = r->>'status', version = (r->>'version')::integer,
         sla_due_at = (r->>'slaDueAt')::numeric::bigint, section = r->>'section',
         updated_at = (r->>'updatedAt')::numeric::bigint, record = c->'record'
       WHERE id = rid AND version = expected;
     END IF;
     IF NOT FOUND THEN
       SELECT i.version INTO found_version FROM instances i WHERE i.id = rid;
       RAISE EXCEPTION 'version conflict on %', rid
         USING ERRCODE = 'ZZ409', DETAIL = coalesce(found_version, 0)::text;
     END IF;
     -- 2. the hand-off this commit carries out must still be pending (its row lock orders rivals)
     IF c ? 'delivers' THEN
       UPDATE handoffs SET state = 'delivered', done_order = nextval('outbox_order')
       WHERE id = c->>'delivers' AND state = 'pending';
       IF NOT FOUND THEN
         RAISE EXCEPTION 'hand-off % is not pending', c->>'delivers'
           USING ERRCODE = 'ZZ409', DETAIL = '-1';
       END IF;
     END IF;
     -- 3. the trail
     INSERT INTO audit_entries (town_id, instance_id, seq, entry)
     SELECT town, rid, expected + t.o::integer, t.e
     FROM jsonb_array_elements(c->'entries') WITH ORDINALITY AS t(e, o);
     -- 4. the instance's timers replace its old ones (a kept timer keeps its claim)
     DELETE FROM timers WHERE timers.instance_id = rid
       AND NOT (timers.id IN (SELECT t->>'id' FROM jsonb_array_elements(c->'timers') AS t));
     INSERT INTO timers (town_id, id, instance_id, kind, due_at, timer)
     SELECT town, t->>'id', rid, t->>'$kind', (t->>'dueAt')::numeric::bigint, t - '$kind'
     FROM jsonb_array_elements(c->'timers') AS t
     ON CONFLICT (id) DO UPDATE SET instance_id = EXCLUDED.instance_id, kind = EXCLUDED.kind,
       due_at = EXCLUDED.due_at, timer = EXCLUDED.timer;
     -- 5. the outbox
     INSERT INTO notifications (town_id, id, instance_id, notification)
     SELECT COALESCE(t.n->>'townId', town), t.n->>'id', COALESCE(t.n->>'caseId', rid), t.n
     FROM jsonb_array_elements(c->'notifications') WITH ORDINALITY AS t(n, o) ORDER BY t.o
     ON CONFLICT (id) DO UPDATE SET notification = EXCLUDED.notification, delivered_at = NULL;
     INSERT INTO handoffs (town_id, id, handoff)
     SELECT COALESCE(t.h->>'townId', town), t.h->>'id', t.h
     FROM jsonb_array_elements(c->'handoffs') WITH ORDINALITY AS t(h, o) ORDER BY t.o
     ON CONFLICT DO NOTHING;
     -- 6. the change: numbered now if the counter is free (after what others left queued),
     --    else queued for the next turn
     PERFORM 1 FROM feed_counter f WHERE f.id FOR UPDATE SKIP LOCKED;
     IF FOUND THEN
       IF EXISTS (SELECT 1 FROM change_queue w ORDER BY w.ord LIMIT 1) THEN
         PERFORM zz_number();
       END IF;
       UPDATE feed_counter SET seq = feed_counter.seq + 1 WHERE id RETURNING feed_counter.seq INTO s;
       INSERT INTO changes (seq, town_id, kind, instance_id, change)
       VALUES (s, town, r->>'kind', rid, c->'change');
     ELSE
       INSERT INTO change_queue (town_id, kind, instance_id, version, change)
       VALUES (town, r->>'kind', rid, (r->>'version')::integer, c->'change');
     END IF;
     RETURN s;
   END $$`,
];
