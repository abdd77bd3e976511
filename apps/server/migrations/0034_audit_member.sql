-- Each action of the audit log names the person it concerns, when there is one: the member whose
-- file, Fiche Agent, claim, place, invoice or Solidarité request it was about, or the account
-- whose second factor changed. The member's file lists every action about them (a claim decided,
-- a cheque recorded, a place cancelled), and the admin's journal finds them by identifier, both
-- through an index rather than a walk of the whole log.
CREATE FUNCTION audit_member(subject_type text, subject_id text) RETURNS uuid
  LANGUAGE sql STABLE AS $$
  SELECT CASE subject_type
    WHEN 'member' THEN subject_id::uuid
    WHEN 'user' THEN subject_id::uuid
    WHEN 'agent_record' THEN (SELECT member_id FROM agent_records WHERE id = subject_id::uuid)
    WHEN 'claim' THEN (SELECT member_id FROM claims WHERE id = subject_id::uuid)
    WHEN 'registration' THEN (SELECT member_id FROM registration_requests WHERE id = subject_id::uuid)
    WHEN 'invoice' THEN (SELECT member_id FROM invoices WHERE id = subject_id::uuid)
    WHEN 'solidarity' THEN (SELECT member_id FROM solidarity_requests WHERE id = subject_id::uuid)
  END
$$;

ALTER TABLE audit_log ADD COLUMN member_id uuid REFERENCES users (id) ON DELETE SET NULL;
UPDATE audit_log a SET member_id = u.id
  FROM users u WHERE u.id = audit_member(a.subject_type, a.subject_id);
CREATE INDEX audit_log_member ON audit_log (member_id, id) WHERE member_id IS NOT NULL;
