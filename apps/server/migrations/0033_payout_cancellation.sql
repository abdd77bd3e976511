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
