-- The yearly Fiche Agent with its versions, the member's PDF documents (stored by content hash)
-- and bank accounts; dependants gain shared custody and disability.
ALTER TABLE dependants ADD COLUMN shared_custody boolean NOT NULL DEFAULT false;
ALTER TABLE dependants ADD COLUMN disabled boolean NOT NULL DEFAULT false;

CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('taxNotice', 'payslip', 'pensionSlip', 'contract', 'familyBook', 'disabilityCard', 'other')),
  sha256 text NOT NULL,
  size_bytes integer NOT NULL,
  file_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_member ON documents (member_id);

CREATE TABLE agent_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  version integer NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'validated', 'rejected')),
  couple boolean NOT NULL DEFAULT false,
  member_disabled boolean NOT NULL DEFAULT false,
  tax_income_euros integer CHECK (tax_income_euros >= 0),
  spouse_tax_income_euros integer CHECK (spouse_tax_income_euros >= 0),
  dependants jsonb NOT NULL DEFAULT '[]',
  document_ids uuid[] NOT NULL DEFAULT '{}',
  submitted_at timestamptz,
  decided_at timestamptz,
  decided_by uuid REFERENCES users (id),
  rejection_reason text,
  pack_id text,
  parts numeric(6, 2),
  quotient_cents bigint,
  rates_bp jsonb,
  annual_ceiling_cents bigint,
  explanation jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, year, version)
);
CREATE INDEX agent_records_queue ON agent_records (status, submitted_at);

-- A validated Fiche Agent replaces the household's dependants, disabled adults included.
ALTER TABLE dependants DROP CONSTRAINT dependants_relation_check;
ALTER TABLE dependants ADD CONSTRAINT dependants_relation_check CHECK (relation IN ('spouse', 'child', 'disabledAdult'));
