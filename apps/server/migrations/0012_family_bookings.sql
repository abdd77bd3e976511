-- Family holidays (issue 13): a booking names several participants; village sessions offer
-- lodgings counted by capacity; the Fiche Agent holds direct relatives and whether each child is
-- on the member's tax notice; trips abroad are told from national ones.
ALTER TABLE dependants DROP CONSTRAINT dependants_relation_check;
ALTER TABLE dependants ADD CONSTRAINT dependants_relation_check CHECK (relation IN ('spouse', 'child', 'disabledAdult', 'directRelative'));
ALTER TABLE dependants ADD COLUMN fiscally_dependent boolean NOT NULL DEFAULT true;

ALTER TABLE activities ADD COLUMN abroad boolean NOT NULL DEFAULT false;

-- Lodgings: [{ type, capacity, priceCents, per: 'week' | 'night', count, externalPriceCents }].
ALTER TABLE activity_sessions ADD COLUMN lodgings jsonb NOT NULL DEFAULT '[]';
-- The tarif extérieur per person (non ayants droit), when it differs from the price.
ALTER TABLE activity_sessions ADD COLUMN external_price_cents bigint CHECK (external_price_cents >= 0);

-- Everyone the booking names (the lead participant first), and who they are across years.
ALTER TABLE registration_requests ADD COLUMN participants jsonb NOT NULL DEFAULT '[]';
ALTER TABLE registration_requests ADD COLUMN participant_keys text[] NOT NULL DEFAULT '{}';
-- What the family ticked (Fiche Agent indexes; null: the member) and its guests, to change it.
ALTER TABLE registration_requests ADD COLUMN companions jsonb NOT NULL DEFAULT '[]';
ALTER TABLE registration_requests ADD COLUMN guests jsonb NOT NULL DEFAULT '[]';
-- The lodging type the place holds (or waits for) on a session with lodgings.
ALTER TABLE registration_requests ADD COLUMN placed_lodging text;
UPDATE registration_requests SET participants = jsonb_build_array(participant), participant_keys = ARRAY[participant_key];
CREATE INDEX registration_requests_keys ON registration_requests USING gin (participant_keys);

-- Unpaid a month before the start: warned once, then treated as a withdrawal.
ALTER TABLE registration_requests ADD COLUMN unpaid_warned_on date;
ALTER TABLE registration_requests ADD COLUMN instalments_agreed boolean NOT NULL DEFAULT false;
