-- The member card's QR code carries this random token: a partner who scans it sees the name and
-- whether the card is valid, and nothing else; the token says nothing about the account.
ALTER TABLE users ADD COLUMN card_token text UNIQUE;
