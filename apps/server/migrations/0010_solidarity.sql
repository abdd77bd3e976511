-- Solidarité: exceptional aid and interest-free loans with their repayment schedule, seen only
-- by the member who asked and the Solidarité staff.
CREATE SEQUENCE solidarity_number_seq;

CREATE TABLE solidarity_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number bigint NOT NULL DEFAULT nextval('solidarity_number_seq') UNIQUE,
  member_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('aid', 'loan')),
  purpose text NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  months integer,
  disability_equipment boolean NOT NULL DEFAULT false,
  document_ids uuid[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'granted', 'refused')),
  granted_cents bigint,
  schedule jsonb,
  reason text,
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX solidarity_requests_member ON solidarity_requests (member_id);
