-- A session the committee cancels keeps its row (requests, invoices and credit notes point to
-- it) with the day and the reason given to the families.
ALTER TABLE activity_sessions
  ADD COLUMN cancelled_at timestamptz,
  ADD COLUMN cancellation_reason text,
  -- The automatic selection runs the third day after closing, or on the day staff postponed it to.
  ADD COLUMN selection_postponed_to date;
