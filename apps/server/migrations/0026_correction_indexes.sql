-- Lookups by a row's correction or batch, which no index served: each read every invoice, claim
-- or payment of the committee. Whether an invoice is credited (`corrects_id`) is asked on every
-- payment, every invoice shown and every change of a place — about 10 ms each at 120 000 invoices;
-- a payout's claims and a deposit slip's cheques are read when staff send or print them.
-- Partial: most rows have no correction, no payout yet, no slip yet.
CREATE INDEX invoices_corrects ON invoices (corrects_id) WHERE corrects_id IS NOT NULL;
CREATE INDEX claims_payout ON claims (payout_id) WHERE payout_id IS NOT NULL;
CREATE INDEX payments_deposit_slip ON payments (deposit_slip_id) WHERE deposit_slip_id IS NOT NULL;
