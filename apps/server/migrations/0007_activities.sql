-- The catalogue (activities and their sessions) and the registration requests with their
-- ranked choices, decided at closing or, after closing, first come first served.
CREATE TABLE activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  sector text NOT NULL CHECK (sector IN ('jeunesse', 'vacances', 'voyages', 'sports', 'loisirs-culture')),
  kind text NOT NULL CHECK (kind IN ('caes', 'promo', 'approved', 'caesVillage', 'partnerVillage')),
  cap_category text,
  description text NOT NULL,
  provider jsonb NOT NULL,
  ski boolean NOT NULL DEFAULT false,
  school_trip boolean NOT NULL DEFAULT false,
  pictures jsonb NOT NULL DEFAULT '[]',
  published boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE activity_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  label text NOT NULL,
  first_day date NOT NULL,
  last_day date NOT NULL CHECK (last_day >= first_day),
  min_age integer NOT NULL,
  max_age integer NOT NULL,
  places integer NOT NULL CHECK (places >= 0),
  waiting_places integer NOT NULL DEFAULT 10 CHECK (waiting_places >= 0),
  price_cents bigint NOT NULL CHECK (price_cents >= 0),
  transport jsonb NOT NULL DEFAULT '[]',
  closes_on date NOT NULL,
  answer_by date NOT NULL,
  -- Set once the selection at closing is applied; later requests are first come first served.
  allocated_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activity_sessions_activity ON activity_sessions (activity_id);
CREATE INDEX activity_sessions_closing ON activity_sessions (closes_on) WHERE allocated_at IS NULL;

CREATE SEQUENCE registration_number_seq;

CREATE TABLE registration_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number bigint NOT NULL DEFAULT nextval('registration_number_seq') UNIQUE,
  member_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  record_id uuid NOT NULL REFERENCES agent_records (id),
  -- Who goes: the member or a dependant, as the validated Fiche Agent names them.
  participant jsonb NOT NULL,
  dependant_index integer,
  participant_key text NOT NULL,
  choices jsonb NOT NULL,
  session_ids uuid[] NOT NULL,
  sector text NOT NULL,
  -- Calendar year of the first choice's first day: the Fiche Agent and allowances of that year.
  year integer NOT NULL,
  ski_aid boolean NOT NULL DEFAULT false,
  insurance boolean NOT NULL DEFAULT false,
  friend jsonb,
  deposit_method text NOT NULL CHECK (deposit_method IN ('card', 'cheque', 'chequesVacances', 'bonsCaf')),
  -- The quote of each choice (subsidy, left to pay, deposit, allowances used), best first.
  quotes jsonb NOT NULL,
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'confirmed', 'waiting', 'refused', 'cancelled')),
  late boolean NOT NULL DEFAULT false,
  -- The session the participant is placed in (confirmed) or waits for (waiting).
  placed_session_id uuid REFERENCES activity_sessions (id),
  placed_rank integer,
  -- Rank in the order of the selection (then first come first served): the waiting list's order.
  priority bigint,
  decision jsonb,
  complete_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_requests_member ON registration_requests (member_id, year);
CREATE INDEX registration_requests_sessions ON registration_requests USING gin (session_ids);
CREATE INDEX registration_requests_placed ON registration_requests (placed_session_id) WHERE status = 'confirmed';
