-- Issue 15, point 5: a place taken first come first served is decided under its session's lock
-- in two statements; what follows the decision (the invoice of a confirmed place, the family's
-- mail) is done after the commit, and marked due in the decision's statement so that a node
-- stopped in between leaves it to the selection job, never forgotten.
ALTER TABLE registration_requests ADD COLUMN follow_up_due boolean NOT NULL DEFAULT false;
CREATE INDEX registration_requests_follow_up ON registration_requests (decided_at) WHERE follow_up_due;
-- The waiting list of a session, counted under its lock for each late request.
CREATE INDEX registration_requests_waiting ON registration_requests (placed_session_id) WHERE status = 'waiting';
