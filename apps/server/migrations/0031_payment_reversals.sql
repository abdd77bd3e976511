-- A payment recorded in error, or a cheque the bank returned unpaid, is reversed by a line of its
-- own, never by editing it: the opposite amount, the same means, and why (decision 0045). A
-- payment is reversed once at most.
ALTER TABLE payments
  ADD COLUMN reverses_id uuid UNIQUE REFERENCES payments (id),
  ADD COLUMN reversal_reason text,
  ADD CONSTRAINT payments_reversal CHECK (
    (reverses_id IS NULL) = (reversal_reason IS NULL) AND (reverses_id IS NULL OR amount_cents < 0)
  );
