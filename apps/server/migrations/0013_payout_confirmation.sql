-- A payout batch goes prepared → exported (the SEPA file was downloaded) → sent (a person
-- confirmed, with the date, that the bank received it). Only the last makes its claims paid.
ALTER TABLE payouts
  ADD COLUMN sent_on date,
  ADD COLUMN confirmed_by uuid REFERENCES users (id),
  ADD COLUMN confirmed_at timestamptz;

-- Batches exported before this step existed already made their claims paid: they count as sent.
UPDATE payouts SET sent_on = exported_at::date, confirmed_at = exported_at WHERE exported_at IS NOT NULL;
