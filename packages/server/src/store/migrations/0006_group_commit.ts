/**
 * Group commit: several commits in one call and one transaction (decision 0018 in
 * docs/decisions/).
 *
 * `zz_commit_many(cs)` runs `zz_commit` for each element of the JSON array `cs`, in order, each in
 * a subtransaction of its own (a `BEGIN … EXCEPTION` block): a commit that fails — a version
 * conflict (`ZZ409`), or anything else — is rolled back alone and reported in its row, and the
 * others go on. One row per element: its index `i` (from 0), the change's sequence number `seq`
 * (NULL when it was left queued for the next turn, as `zz_commit` returns), and for a failed one
 * its SQLSTATE `code` and `DETAIL` (`ZZ409`: the version found). All that succeeded become
 * durable together at the one COMMIT, and are numbered in array order when the counter is free.
 */
export const groupCommit: readonly string[] = [
  `CREATE FUNCTION zz_commit_many(cs JSONB)
   RETURNS TABLE (i INTEGER, seq BIGINT, code TEXT, detail TEXT) LANGUAGE plpgsql AS $$
   DECLARE
     c JSONB;
     o BIGINT;
   BEGIN
     FOR c, o IN SELECT t.c, t.o FROM jsonb_array_elements(cs) WITH ORDINALITY AS t(c, o) LOOP
       i := o - 1;
       BEGIN
         seq := zz_commit(c);
         code := NULL;
         detail := NULL;
       EXCEPTION WHEN OTHERS THEN
         seq := NULL;
         code := SQLSTATE;
         GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
       END;
       RETURN NEXT;
     END LOOP;
   END $$`,
];
