-- The hourly job that checks again the tax notices left unchecked (their authority's store could
-- not answer) takes the least recently tried first: a notice that stays unchecked (an authority
-- newer than the trust list) no longer keeps the others from their turn, nor leaves it to chance.
ALTER TABLE documents ADD COLUMN notice_tried_at timestamptz;
CREATE INDEX documents_unchecked_notices ON documents (notice_tried_at NULLS FIRST, created_at)
  WHERE tax_notice -> 'genuine' = 'null'::jsonb;
