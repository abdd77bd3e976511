-- How many times a Fiche Agent's version, a session or an activity was saved: a page that saves
-- what it opened says which revision it saw, and one opened before another tab, device or person
-- saved is refused rather than written over what that one saved (they are told, nothing is lost).
ALTER TABLE agent_records ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE activity_sessions ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE activities ADD COLUMN revision integer NOT NULL DEFAULT 1;
