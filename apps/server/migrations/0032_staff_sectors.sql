-- A staff account's sectors are names the app knows (the contract's `staffSectors`): a name
-- mistyped in a script would otherwise give no right and no error. Names no code reads are
-- dropped first; `staff-sectors.test.ts` keeps this list and the contract's the same.
UPDATE users
SET sectors = ARRAY(
  SELECT s FROM unnest(sectors) AS s
  WHERE s IN ('jeunesse', 'vacances', 'voyages', 'sports', 'loisirs-culture', 'solidarite',
              'fiche-agent', 'comptabilite')
)
WHERE NOT sectors <@ ARRAY['jeunesse', 'vacances', 'voyages', 'sports', 'loisirs-culture',
                            'solidarite', 'fiche-agent', 'comptabilite']::text[];

ALTER TABLE users ADD CONSTRAINT users_sectors_known CHECK (
  sectors <@ ARRAY['jeunesse', 'vacances', 'voyages', 'sports', 'loisirs-culture', 'solidarite',
                   'fiche-agent', 'comptabilite']::text[]
);
