-- The spouse's tax notice (CNRS: a couple that files two notices), read like the member's own.
ALTER TABLE documents DROP CONSTRAINT documents_kind_check;
ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN ('taxNotice', 'spouseTaxNotice', 'payslip', 'pensionSlip', 'contract', 'familyBook', 'disabilityCard', 'receipt', 'other'));
