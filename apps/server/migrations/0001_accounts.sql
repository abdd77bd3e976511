-- Accounts: members and staff, sign-up requests, sessions, one-time links, login attempts,
-- audit log and the outgoing mail.
CREATE SEQUENCE member_number_seq START 100;

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  identifier text NOT NULL UNIQUE,
  email text NOT NULL,
  last_name text NOT NULL,
  first_name text NOT NULL,
  birth_date date NOT NULL,
  matricule text UNIQUE,
  phone text,
  address text,
  role text NOT NULL CHECK (role IN ('member', 'staff', 'admin')),
  sectors text[] NOT NULL DEFAULT '{}',
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_recovery ON users (lower(last_name), lower(first_name), birth_date);

CREATE TABLE dependants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  relation text NOT NULL CHECK (relation IN ('spouse', 'child')),
  last_name text NOT NULL,
  first_name text NOT NULL,
  birth_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dependants_member ON dependants (member_id);

CREATE TABLE sign_up_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  last_name text NOT NULL,
  first_name text NOT NULL,
  birth_date date NOT NULL,
  matricule text,
  email text NOT NULL,
  phone text,
  address text,
  couple boolean NOT NULL,
  spouse jsonb,
  children jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  reason text,
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  user_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_up_requests_status ON sign_up_requests (status, created_at);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE one_time_tokens (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('set_password', 'reset_password')),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE attempts (
  key text NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attempts_key ON attempts (key, attempted_at);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  actor_id uuid REFERENCES users (id),
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text,
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_subject ON audit_log (subject_type, subject_id);

CREATE TABLE mail_outbox (
  id bigserial PRIMARY KEY,
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  error text
);
