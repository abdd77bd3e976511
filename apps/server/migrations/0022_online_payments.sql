-- Paying online (issue 18): a payment started by a member with a provider, and every
-- notification the provider sends about it. The invoice's account changes only through a
-- verified notification, which writes the payment line in the same transaction.
CREATE TABLE online_payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Ours, sent to the provider (its order id): PAY- and 10 characters.
  reference text NOT NULL UNIQUE,
  invoice_id uuid NOT NULL REFERENCES invoices (id),
  member_id uuid NOT NULL REFERENCES users (id),
  provider text NOT NULL CHECK (provider IN ('local', 'stripe', 'lyra')),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  currency text NOT NULL DEFAULT 'EUR',
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'paid', 'refused', 'abandoned', 'expired')),
  -- The provider's own id of the payment (Stripe's session, Lyra's transaction uuid).
  provider_id text,
  fees_cents bigint,
  payment_id uuid REFERENCES payments (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  settled_at timestamptz,
  CHECK ((status = 'paid') = (payment_id IS NOT NULL))
);
CREATE INDEX online_payments_invoice ON online_payments (invoice_id);
CREATE INDEX online_payments_pending ON online_payments (expires_at) WHERE status = 'pending';

-- Every notification received, verified or not, and what was done with it: one that could not be
-- applied (unknown reference, payment already settled, amount that differs, invoice cancelled)
-- is kept for the staff, never dropped.
CREATE TABLE payment_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider text NOT NULL,
  reference text,
  online_payment_id uuid REFERENCES online_payments (id),
  status text,
  amount_cents bigint,
  outcome text NOT NULL CHECK (outcome IN ('recorded', 'duplicate', 'unknown', 'mismatch', 'settled', 'credited', 'closed')),
  detail text NOT NULL DEFAULT '',
  body text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  handled_at timestamptz,
  handled_by uuid REFERENCES users (id)
);
CREATE INDEX payment_notifications_open ON payment_notifications (received_at)
  WHERE outcome IN ('unknown', 'mismatch', 'settled', 'credited') AND handled_at IS NULL;

-- A refund of an online payment through its provider (a place paid online is cancelled): prepared
-- with the refund line in the cancellation's transaction, sent by a job, confirmed by the
-- provider's answer; one that fails waits for the staff.
CREATE TABLE online_refunds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  online_payment_id uuid NOT NULL REFERENCES online_payments (id),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  status text NOT NULL DEFAULT 'prepared' CHECK (status IN ('prepared', 'sent', 'confirmed', 'failed')),
  provider_refund_id text,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  confirmed_at timestamptz
);
CREATE INDEX online_refunds_open ON online_refunds (created_at) WHERE status IN ('prepared', 'sent', 'failed');
