-- School profiles (issue 15, item 8). Kolada publishes school results per organisational unit (ou,
-- such as V15E144001301) and its ou list names no skolenhetskod, so which Kolada unit a school is
-- must be said once. No personal data: a unit and a Kolada id.
CREATE TABLE school_unit_kolada_ou (
  unit_id uuid PRIMARY KEY REFERENCES unit (id),
  kolada_ou text NOT NULL UNIQUE CHECK (kolada_ou ~ '^[A-Za-z0-9_]{1,40}$')
);
