-- The Fiche Agent records the day the family situation changed (a new version during the year).
ALTER TABLE agent_records ADD COLUMN situation_changed_on date;
