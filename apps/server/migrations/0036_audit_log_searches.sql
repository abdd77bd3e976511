-- The admin's journal reads the log newest first by time, and each search through an index, not
-- by a walk back through the whole log (a committee writes a million actions in a few years): a
-- week of last year, an action no one did lately, a gestionnaire's actions answer in milliseconds
-- (decision 0050). The id breaks the ties of one instant, and is the page's cursor.
CREATE INDEX audit_log_created ON audit_log (created_at, id);
CREATE INDEX audit_log_action ON audit_log (action, created_at, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, created_at, id);
