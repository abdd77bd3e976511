-- How many times a barème draft was saved: a save, or the publication after the cost was read,
-- says which revision it saw, and one made on a draft another admin saved since is refused
-- rather than written over it or published unread (migration 0027 for the other forms).
ALTER TABLE pack_drafts ADD COLUMN revision integer NOT NULL DEFAULT 1;
