-- Infos partenariat: partners' offers and promotional codes, edited by staff, shown to members.
CREATE TABLE partner_offers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partner text NOT NULL,
  sector text NOT NULL,
  description text NOT NULL,
  code text,
  url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
