-- The committee's identity as its admin sets it (name, address, colour, logo), over the defaults
-- of its organisation; one row at most. The logo is stored resized, as PNG.
CREATE TABLE committee_identity (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  name text NOT NULL,
  short_name text NOT NULL,
  address text NOT NULL,
  brand_colour text NOT NULL,
  logo bytea,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Activities' photos uploaded by staff, resized to the web's size (JPEG, no EXIF), kept in the
-- database like every other state so that any app node serves them.
CREATE TABLE activity_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  image bytea NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
