-- Each sector's yearly budget of subsidies, set by the admin; the dashboards compare what the
-- sector committed with it.
CREATE TABLE sector_budgets (
  sector text NOT NULL,
  year integer NOT NULL,
  budget_cents bigint NOT NULL CHECK (budget_cents >= 0),
  set_by uuid REFERENCES users (id),
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sector, year)
);
