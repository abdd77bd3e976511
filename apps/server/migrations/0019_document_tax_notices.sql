-- What a tax notice's 2D-DOC says, read when the member sends it: kept with the document (and
-- deleted with it, under the same retention), never typed by anyone.
ALTER TABLE documents ADD COLUMN tax_notice jsonb;
