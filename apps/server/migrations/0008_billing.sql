-- Billing: invoices and credit notes (numbered per year without gaps, never edited), payment
-- plans, payments (recorded once per idempotency key), cheque deposit slips.
CREATE TABLE billing_counters (
  kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'deposit_slip')),
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (kind, year)
);

CREATE TABLE invoices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  year integer NOT NULL,
  number integer NOT NULL,
  reference text NOT NULL UNIQUE,
  member_id uuid NOT NULL REFERENCES users (id),
  registration_id uuid REFERENCES registration_requests (id),
  -- A credit note names the invoice it corrects.
  corrects_id uuid REFERENCES invoices (id),
  sector text NOT NULL,
  issued_on date NOT NULL,
  -- Lines in cents: charges positive, subsidies negative; total = sum of the lines.
  lines jsonb NOT NULL,
  total_cents bigint NOT NULL,
  subsidy_cents bigint NOT NULL,
  ceiling_cents bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, year, number)
);
CREATE INDEX invoices_member ON invoices (member_id);
CREATE INDEX invoices_registration ON invoices (registration_id);

-- An issued invoice is never edited: a credit note corrects it.
-- (one line: the migration runner splits statements at a semicolon that ends a line)
CREATE FUNCTION invoices_are_final() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'an issued invoice is never edited (issue a credit note)'; END $$;
CREATE TRIGGER invoices_final BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoices_are_final();

CREATE TABLE instalments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id uuid NOT NULL REFERENCES invoices (id),
  position integer NOT NULL,
  method text NOT NULL,
  due_on date NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  reminded_at timestamptz,
  cancelled boolean NOT NULL DEFAULT false,
  UNIQUE (invoice_id, position)
);

CREATE TABLE deposit_slips (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  deposited_on date NOT NULL,
  total_cents bigint NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id uuid NOT NULL REFERENCES invoices (id),
  member_id uuid NOT NULL REFERENCES users (id),
  method text NOT NULL CHECK (method IN ('card', 'cheque', 'chequesVacances', 'bonsCaf', 'transfer', 'refund')),
  -- Received money is positive; a refund to the family is negative.
  amount_cents bigint NOT NULL CHECK (amount_cents <> 0),
  received_on date NOT NULL,
  cheque_number text,
  -- Cheques are cashed on the last working day of a month, through a deposit slip.
  cash_on date,
  deposit_slip_id uuid REFERENCES deposit_slips (id),
  idempotency_key text NOT NULL UNIQUE,
  recorded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_invoice ON payments (invoice_id);
CREATE INDEX payments_cheques ON payments (cash_on) WHERE method = 'cheque' AND deposit_slip_id IS NULL;
