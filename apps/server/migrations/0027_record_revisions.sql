-- How many times a Fiche Agent's version was saved: a page that saves the version it opened
-- says which revision it saw, and one opened before another tab or device saved is refused
-- rather than written over what that one saved (the member is told, nothing is lost).
ALTER TABLE agent_records ADD COLUMN revision integer NOT NULL DEFAULT 1;
