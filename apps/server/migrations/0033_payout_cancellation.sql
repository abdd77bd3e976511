-- A batch not yet confirmed as received by the bank can be cancelled (a mistake, or a file the
-- bank rejected): its claims go back to those waiting for a batch, and the batch stays listed,
-- with who cancelled it and why, so its reference is never reused nor lost (decision 0049).
ALTER TABLE payouts
  ADD COLUMN cancelled_at timestamptz,
  ADD COLUMN cancelled_by uuid REFERENCES users (id),
  ADD COLUMN cancellation_reason text,
  ADD CONSTRAINT payouts_cancellation CHECK (
    (cancelled_at IS NULL) = (cancellation_reason IS NULL) AND (cancelled_at IS NULL OR sent_on IS NULL)
  );

-- The sectors of the claims a batch was made of, kept when a cancellation takes its claims back:
-- a batch is listed to, and handled by, the staff of those sectors only (and the accounting desk).
ALTER TABLE payouts ADD COLUMN sectors text[] NOT NULL DEFAULT '{}';
UPDATE payouts p
   SET sectors = ARRAY(SELECT DISTINCT c.sector FROM claims c WHERE c.payout_id = p.id ORDER BY 1);
