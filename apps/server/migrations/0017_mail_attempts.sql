-- Mail is delivered by a job after the transaction commits, retried with back-off; a mail whose
-- every attempt failed is marked failed, for staff to see and send again.
ALTER TABLE mail_outbox ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE mail_outbox ADD COLUMN failed_at timestamptz;
CREATE INDEX mail_outbox_failed ON mail_outbox (failed_at) WHERE failed_at IS NOT NULL AND sent_at IS NULL;
