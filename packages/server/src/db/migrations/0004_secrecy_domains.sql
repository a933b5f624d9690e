-- Secrecy domains (sekretessområden). Secrecy applies between authorities and between the
-- independent parts of one authority (OSL 8 kap. 1–2 §§): a municipality's school, its student
-- health, its social services and a region's health care are separate even inside one
-- organisation. Each unit belongs to a domain; every record entry carries the domain it was
-- written in; a consent names the domains (or whole organisations) that may share.

CREATE TABLE secrecy_domain (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  -- Where the domain came from (the defaults in core's secrecy/domains.ts); the name is the administrator's.
  kind text NOT NULL CHECK (kind IN ('education', 'student_health', 'social_services', 'health_care', 'police', 'civil_society', 'other')),
  name text NOT NULL,
  legal_reference text NOT NULL,
  sectors text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, name)
);
CREATE INDEX secrecy_domain_organisation_idx ON secrecy_domain (organisation_id);

-- Which domain a unit belongs to, as history: moving a unit ends one period and starts the next,
-- so an entry is always judged by the domain its writer's unit was in when it was written.
CREATE TABLE unit_secrecy_domain (
  unit_id uuid NOT NULL REFERENCES unit (id),
  secrecy_domain_id uuid NOT NULL REFERENCES secrecy_domain (id),
  valid_from timestamptz NOT NULL,
  valid_to timestamptz,
  changed_by uuid REFERENCES app_user (id),
  PRIMARY KEY (unit_id, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX unit_secrecy_domain_current_idx ON unit_secrecy_domain (unit_id) WHERE valid_to IS NULL;

-- The defaults by sector, as core's defaultSecrecyDomains says them.
CREATE TEMPORARY TABLE default_domain (kind text PRIMARY KEY, name text, legal_reference text, sectors text[]) ON COMMIT DROP;
INSERT INTO default_domain VALUES
  ('education', 'Förskola och skola', 'OSL 23 kap. 1–2 §§', '{preschool,school,youth_follow_up}'),
  ('student_health', 'Elevhälsans medicinska och psykologiska insats', 'OSL 23 kap. 2 § andra stycket', '{student_health}'),
  ('social_services', 'Socialtjänst', 'OSL 26 kap. 1 §', '{social_services}'),
  ('health_care', 'Hälso- och sjukvård', 'OSL 25 kap. 1 §', '{maternity_care,child_health_care,primary_care,child_psychiatry,habilitation}'),
  ('police', 'Polisen', 'OSL 18 kap. och 35 kap.', '{police}'),
  ('civil_society', 'Ideell verksamhet', 'Tystnadsplikt enligt avtal (OSL gäller inte)', '{non_profit}'),
  ('other', 'Övrig verksamhet', 'OSL 8 kap. 1–2 §§', '{leisure,administration}');

-- Every organisation gets the default domains its units' sectors need, and an 'other' domain
-- for entries whose writer had no unit.
INSERT INTO secrecy_domain (organisation_id, kind, name, legal_reference, sectors)
SELECT DISTINCT o.id, d.kind, d.name, d.legal_reference, d.sectors
FROM organisation o
JOIN default_domain d ON d.kind = 'other' OR EXISTS (SELECT 1 FROM unit u WHERE u.organisation_id = o.id AND u.sector = ANY (d.sectors));

-- Units belong to their default domain since long before any entry was written.
INSERT INTO unit_secrecy_domain (unit_id, secrecy_domain_id, valid_from)
SELECT u.id, s.id, '1900-01-01T00:00:00Z'
FROM unit u
JOIN secrecy_domain s ON s.organisation_id = u.organisation_id AND u.sector = ANY (s.sectors);

-- A team member works from a unit; fill it in from the member's role where it was left out.
UPDATE care_team_member m SET unit_id = (
  SELECT r.unit_id FROM user_role r
  WHERE r.user_id = m.user_id AND r.organisation_id = m.organisation_id AND r.role = 'professional' AND r.unit_id IS NOT NULL
  ORDER BY r.unit_id LIMIT 1)
WHERE m.unit_id IS NULL;

-- Every entry carries the domain, and the unit, it was written in: the author's unit in the
-- organisation they wrote for (their team place's unit first), else the organisation's 'other' domain.
ALTER TABLE record_entry
  ADD COLUMN unit_id uuid REFERENCES unit (id),
  ADD COLUMN secrecy_domain_id uuid REFERENCES secrecy_domain (id);
UPDATE record_entry e SET unit_id = coalesce(
  (SELECT m.unit_id FROM care_team_member m WHERE m.child_id = e.child_id AND m.user_id = e.author_id AND m.organisation_id = e.organisation_id AND m.unit_id IS NOT NULL ORDER BY m.starts_at DESC LIMIT 1),
  (SELECT r.unit_id FROM user_role r WHERE r.user_id = e.author_id AND r.organisation_id = e.organisation_id AND r.unit_id IS NOT NULL ORDER BY r.unit_id LIMIT 1));
UPDATE record_entry e SET secrecy_domain_id = coalesce(
  (SELECT d.secrecy_domain_id FROM unit_secrecy_domain d WHERE d.unit_id = e.unit_id AND d.valid_to IS NULL),
  (SELECT s.id FROM secrecy_domain s WHERE s.organisation_id = e.organisation_id AND s.kind = 'other' ORDER BY s.created_at LIMIT 1));
ALTER TABLE record_entry ALTER COLUMN secrecy_domain_id SET NOT NULL;
CREATE INDEX record_entry_domain_idx ON record_entry (secrecy_domain_id);

-- A consent names its parties: whole organisations (organisation_ids, all their domains) and
-- single domains, and may exclude entries of some categories from one organisation, domain or
-- unit. recorded_by_professional names the professional who recorded it for the family (null when
-- the family gave it in the e-service): they never widen their own access by it.
ALTER TABLE consent
  ADD COLUMN domain_ids uuid[] NOT NULL DEFAULT '{}',
  ADD COLUMN exclusions jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(exclusions) = 'array'),
  ADD COLUMN recorded_by_professional uuid REFERENCES app_user (id);
ALTER TABLE consent DROP CONSTRAINT consent_organisation_ids_check;
ALTER TABLE consent ADD CONSTRAINT consent_has_parties CHECK (cardinality(organisation_ids) + cardinality(domain_ids) > 0);
UPDATE consent k SET recorded_by_professional = k.recorded_by
WHERE EXISTS (SELECT 1 FROM app_user u WHERE u.id = k.recorded_by AND u.kind = 'professional');

-- The meaning existing consents had: the organisations named could read the categories from the
-- child's other agencies, in practice the home municipality that keeps the child's record. A
-- consent to the region alone thus becomes one between the region and the home municipality.
UPDATE consent k SET organisation_ids = k.organisation_ids || c.home_organisation_id
FROM child c
WHERE c.id = k.child_id AND NOT (c.home_organisation_id = ANY (k.organisation_ids));

-- Emergency access rests on the professional role at every read; a role someone granted
-- themselves never counts. granted_by is null for roles that predate this.
ALTER TABLE user_role ADD COLUMN granted_by uuid REFERENCES app_user (id);

-- A disclosure says which domain the information came from: the sharer's at the time (their team
-- place's unit), else their organisation's 'other' domain. Its text is shown to a reader who may
-- read its categories as entries of that domain.
ALTER TABLE disclosure ADD COLUMN from_secrecy_domain_id uuid REFERENCES secrecy_domain (id);
UPDATE disclosure x SET from_secrecy_domain_id = coalesce(
  (SELECT d.secrecy_domain_id FROM care_team_member m JOIN unit_secrecy_domain d ON d.unit_id = m.unit_id AND d.valid_to IS NULL
   WHERE m.child_id = x.child_id AND m.user_id = x.decided_by AND m.organisation_id = x.from_organisation_id ORDER BY m.starts_at DESC LIMIT 1),
  (SELECT s.id FROM secrecy_domain s WHERE s.organisation_id = x.from_organisation_id AND s.kind = 'other' ORDER BY s.created_at LIMIT 1));
ALTER TABLE disclosure ALTER COLUMN from_secrecy_domain_id SET NOT NULL;
