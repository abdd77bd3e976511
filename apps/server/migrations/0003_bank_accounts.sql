-- Bank accounts (RIB) of a member; exactly one is the default while any exist.
CREATE TABLE bank_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  holder text NOT NULL,
  iban text NOT NULL,
  bic text NOT NULL,
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, iban)
);
CREATE UNIQUE INDEX bank_accounts_one_default ON bank_accounts (member_id) WHERE is_default;
