-- Documents' bytes in the database, by the SHA-256 of their content (the same PDF sent twice is
-- kept once): every app node reads the same documents, and a backup holds them.
CREATE TABLE document_contents (
  sha256 text PRIMARY KEY,
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
