-- Subsidies after the fact (claims) with their PDF receipts, and payout batches paid by SEPA
-- credit transfer (a batch is frozen once exported; a claim is paid once).
ALTER TABLE documents DROP CONSTRAINT documents_kind_check;
ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN ('taxNotice', 'payslip', 'pensionSlip', 'contract', 'familyBook', 'disabilityCard', 'receipt', 'other'));

CREATE TABLE payouts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  total_cents bigint NOT NULL,
  claims integer NOT NULL,
  execution_date date NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  exported_at timestamptz
);

CREATE SEQUENCE claim_number_seq;

CREATE TABLE claims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number bigint NOT NULL DEFAULT nextval('claim_number_seq') UNIQUE,
  member_id uuid NOT NULL REFERENCES users (id),
  record_id uuid NOT NULL REFERENCES agent_records (id),
  year integer NOT NULL,
  type text NOT NULL,
  sector text NOT NULL,
  participant jsonb NOT NULL,
  participant_key text NOT NULL,
  details jsonb NOT NULL,
  document_ids uuid[] NOT NULL,
  quote jsonb NOT NULL,
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected', 'paid')),
  approved_cents bigint CHECK (approved_cents >= 0),
  reason text,
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  -- Set once: a claim is paid by one batch only.
  payout_id uuid REFERENCES payouts (id),
  iban text,
  bic text,
  holder text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX claims_member ON claims (member_id, year);
CREATE INDEX claims_queue ON claims (status, sector, created_at);

ALTER TABLE billing_counters DROP CONSTRAINT billing_counters_kind_check;
ALTER TABLE billing_counters ADD CONSTRAINT billing_counters_kind_check CHECK (kind IN ('invoice', 'credit_note', 'deposit_slip', 'payout'));
