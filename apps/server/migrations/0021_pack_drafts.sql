-- The barème studio (issue 17): drafts an admin edits, and the packs they publish. A draft may be
-- invalid while it is written; a published pack is checked, has its id and period, and is final.
CREATE TABLE pack_drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization text NOT NULL CHECK (organization IN ('inserm', 'cnrs')),
  -- The pack it started from: the pack in force its cost is compared with.
  based_on text NOT NULL,
  -- json, not jsonb: the pack's order (its grids, its sections) is kept as the admin wrote it.
  data json NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  -- Set when published: the pack's id, unique among every published pack.
  pack_id text UNIQUE,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  published_by uuid REFERENCES users (id),
  CHECK ((status = 'published') = (pack_id IS NOT NULL AND published_at IS NOT NULL))
);
CREATE INDEX pack_drafts_published ON pack_drafts (published_at) WHERE status = 'published';

-- A published pack is never edited nor deleted: next year's is a new draft.
CREATE FUNCTION published_packs_are_final() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF OLD.status = 'published' THEN RAISE EXCEPTION 'a published pack is never edited (start a new draft)'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$;
CREATE TRIGGER published_packs_final BEFORE UPDATE OR DELETE ON pack_drafts
  FOR EACH ROW EXECUTE FUNCTION published_packs_are_final();

-- « What changes for you »: each member is told once of a pack published for the coming year.
CREATE TABLE pack_announcements (
  pack_id text NOT NULL,
  member_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pack_id, member_id)
);
