-- When a member closed the account (privacy/account-closing.ts): a member-side use case that
-- waited for the member's lock while the account closed reads it after the lock and stops,
-- rather than writing a request, a claim or a document for a closed account.
ALTER TABLE users ADD COLUMN closed_at timestamptz;
UPDATE users SET closed_at = now() WHERE email LIKE 'compte-ferme-%@invalid' AND password_hash IS NULL;
