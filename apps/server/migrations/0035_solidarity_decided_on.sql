-- The committee's calendar day a Solidarité request was decided on: the year a grant counts in
-- (« Mes prestations »), as a claim's and a place's year do — the committee's day, not the
-- server's clock (decision 0038).
ALTER TABLE solidarity_requests ADD COLUMN decided_on date;
UPDATE solidarity_requests SET decided_on = (decided_at AT TIME ZONE 'Europe/Paris')::date
 WHERE decided_at IS NOT NULL;
