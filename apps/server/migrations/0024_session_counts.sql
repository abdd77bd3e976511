-- Issue 15, point 5: a session's places confirmed (in all and by lodging type) and its waiting
-- list are counted on its row, kept by a trigger on every change of a request that enters or
-- leaves them, by any path (a late decision, the selection, a withdrawal, a place offered or
-- moved, a cancellation). Every read of a session (the catalogue, a request's facts, a late
-- request under the session's lock) reads them instead of counting requests, whose number grew
-- with every family that asked for a popular session.
-- Lock order (docs/architecture.md): the trigger takes the session's row after the request's.
ALTER TABLE activity_sessions
  ADD COLUMN confirmed_count integer NOT NULL DEFAULT 0 CHECK (confirmed_count >= 0),
  ADD COLUMN lodgings_taken jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN waiting_count integer NOT NULL DEFAULT 0 CHECK (waiting_count >= 0);
-- The trigger rewrites a popular session's row at every request decided on it: room left on its
-- page keeps each rewrite a HOT update (no new entry in its indexes, old versions pruned as the
-- page is read). Its measured gain was within the noise (decision 0028, corrected in 0029).
ALTER TABLE activity_sessions SET (fillfactor = 50);
UPDATE activity_sessions s SET
  confirmed_count = (SELECT count(*) FROM registration_requests r
                      WHERE r.placed_session_id = s.id AND r.status = 'confirmed'),
  lodgings_taken = (SELECT coalesce(jsonb_object_agg(t.lodging, t.n), '{}') FROM (
                      SELECT r.placed_lodging AS lodging, count(*)::int AS n FROM registration_requests r
                       WHERE r.placed_session_id = s.id AND r.status = 'confirmed' AND r.placed_lodging IS NOT NULL
                       GROUP BY r.placed_lodging) t),
  waiting_count = (SELECT count(*) FROM registration_requests r
                    WHERE r.placed_session_id = s.id AND r.status = 'waiting');

-- One request's part in its session's counts: `step` is 1 when it joins, -1 when it leaves; a
-- lodging type's count that falls to zero leaves the object, as the counting query gave it.
-- (the migration runner splits statements at a semicolon that ends a line: those of the
-- functions' bodies are followed by what they do)
CREATE FUNCTION count_on_session(on_session uuid, in_status text, of_lodging text, step integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF on_session IS NULL OR in_status NOT IN ('confirmed', 'waiting') THEN
    RETURN; -- counted nowhere
  END IF; -- else
  IF in_status = 'waiting' THEN
    UPDATE activity_sessions SET waiting_count = waiting_count + step WHERE id = on_session; -- its list
    RETURN; -- done
  END IF; -- a confirmed place
  UPDATE activity_sessions s SET confirmed_count = s.confirmed_count + step,
         lodgings_taken = CASE
           WHEN of_lodging IS NULL THEN s.lodgings_taken
           WHEN coalesce((s.lodgings_taken ->> of_lodging)::int, 0) + step = 0 THEN s.lodgings_taken - of_lodging
           ELSE s.lodgings_taken || jsonb_build_object(of_lodging, coalesce((s.lodgings_taken ->> of_lodging)::int, 0) + step) END
   WHERE s.id = on_session; -- its session, and its lodging type
END $$;

CREATE FUNCTION count_places() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.placed_session_id, NEW.status, NEW.placed_lodging)
       IS NOT DISTINCT FROM (OLD.placed_session_id, OLD.status, OLD.placed_lodging) THEN
    RETURN NULL; -- nothing counted changed
  END IF; -- else
  IF TG_OP <> 'INSERT' THEN
    PERFORM count_on_session(OLD.placed_session_id, OLD.status, OLD.placed_lodging, -1); -- leaves
  END IF; -- and
  IF TG_OP <> 'DELETE' THEN
    PERFORM count_on_session(NEW.placed_session_id, NEW.status, NEW.placed_lodging, 1); -- joins
  END IF; -- then
  RETURN NULL; -- an AFTER trigger's result is not used
END $$;

CREATE TRIGGER registration_requests_session_counts
  AFTER INSERT OR DELETE OR UPDATE OF status, placed_session_id, placed_lodging ON registration_requests
  FOR EACH ROW EXECUTE FUNCTION count_places();
