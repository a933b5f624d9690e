-- The child's record: children, guardians, citizen accounts, care teams, consents, emergency
-- access, handovers of the named person, the sharing ledger and dated record entries.
-- History is appended: team changes end rows instead of overwriting them, a consent is
-- withdrawn by stamping it once, and every decision to share or not share is a new row.

ALTER TABLE app_user ADD COLUMN kind text NOT NULL DEFAULT 'professional' CHECK (kind IN ('professional', 'citizen'));

-- Legal grounds are data, so a change in the law (such as the new Social Services Act of 2025)
-- needs no release: add a row, end the old one.
CREATE TABLE legal_ground (
  code text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('consent', 'duty_to_report', 'necessary_disclosure', 'emergency', 'care_team')),
  title_sv text NOT NULL,
  title_en text NOT NULL,
  reference text NOT NULL,
  valid_from date NOT NULL DEFAULT '2000-01-01',
  valid_to date
);

CREATE TABLE child (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  identity_number text NOT NULL UNIQUE,
  identity_kind text NOT NULL CHECK (identity_kind IN ('personnummer', 'samordningsnummer', 'reservnummer')),
  given_name text NOT NULL,
  family_name text NOT NULL,
  birth_date date NOT NULL,
  sex text CHECK (sex IN ('female', 'male')),
  street_address text,
  postal_code text,
  city text,
  home_organisation_id uuid NOT NULL REFERENCES organisation (id),
  school_unit_id uuid REFERENCES unit (id),
  protected_identity text CHECK (protected_identity IN ('sekretessmarkering', 'skyddad_folkbokforing', 'fingerade_personuppgifter')),
  -- The child's own citizen account, when they have one.
  user_id uuid UNIQUE REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX child_home_idx ON child (home_organisation_id);

CREATE TABLE guardian (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  identity_number text NOT NULL UNIQUE,
  given_name text NOT NULL,
  family_name text NOT NULL,
  phone text,
  email text,
  street_address text,
  postal_code text,
  city text,
  protected_identity text CHECK (protected_identity IN ('sekretessmarkering', 'skyddad_folkbokforing', 'fingerade_personuppgifter')),
  user_id uuid UNIQUE REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE child_guardian (
  child_id uuid NOT NULL REFERENCES child (id),
  guardian_id uuid NOT NULL REFERENCES guardian (id),
  PRIMARY KEY (child_id, guardian_id)
);
CREATE INDEX child_guardian_guardian_idx ON child_guardian (guardian_id);

CREATE TABLE consent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  given_by text NOT NULL CHECK (given_by IN ('guardian', 'both_guardians', 'child')),
  -- The guardians who consented (one or both), when guardians gave it.
  guardian_ids uuid[] NOT NULL DEFAULT '{}',
  method text NOT NULL CHECK (method IN ('written', 'digital', 'verbal')),
  note text,
  organisation_ids uuid[] NOT NULL CHECK (cardinality(organisation_ids) > 0),
  categories text[] NOT NULL CHECK (cardinality(categories) > 0),
  valid_from date NOT NULL,
  valid_to date,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES app_user (id),
  withdrawal_note text,
  CHECK (method <> 'verbal' OR note IS NOT NULL),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX consent_child_idx ON consent (child_id);

CREATE TABLE care_team_member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  unit_id uuid REFERENCES unit (id),
  role text NOT NULL CHECK (role IN ('named_person', 'lead_professional', 'member')),
  basis text NOT NULL CHECK (basis IN ('own_organisation', 'consent', 'legal_duty')),
  consent_id uuid REFERENCES consent (id),
  legal_ground_code text REFERENCES legal_ground (code),
  starts_at timestamptz NOT NULL DEFAULT now(),
  ends_at timestamptz,
  added_by uuid REFERENCES app_user (id),
  ended_by uuid REFERENCES app_user (id),
  CHECK (basis <> 'consent' OR consent_id IS NOT NULL),
  CHECK (basis <> 'legal_duty' OR legal_ground_code IS NOT NULL)
);
CREATE INDEX care_team_child_idx ON care_team_member (child_id);
CREATE INDEX care_team_user_idx ON care_team_member (user_id);

CREATE TABLE emergency_access (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  -- The unit whose manager reviews it.
  unit_id uuid REFERENCES unit (id),
  reason text NOT NULL CHECK (length(reason) >= 10),
  legal_ground_code text NOT NULL REFERENCES legal_ground (code),
  starts_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  reviewed_by uuid REFERENCES app_user (id),
  reviewed_at timestamptz,
  review_outcome text CHECK (review_outcome IN ('justified', 'unjustified')),
  review_comment text
);
CREATE INDEX emergency_access_child_idx ON emergency_access (child_id, user_id);
CREATE INDEX emergency_access_review_idx ON emergency_access (unit_id) WHERE reviewed_at IS NULL;

-- Handover of the named person (barnets bästa-ansvarig) at a transition between life stages.
CREATE TABLE named_person_handover (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  life_stage text NOT NULL CHECK (life_stage IN ('maternity_care', 'child_health_care', 'school', 'youth_follow_up')),
  from_user_id uuid REFERENCES app_user (id),
  to_user_id uuid NOT NULL REFERENCES app_user (id),
  to_organisation_id uuid NOT NULL REFERENCES organisation (id),
  note text,
  proposed_by uuid NOT NULL REFERENCES app_user (id),
  proposed_at timestamptz NOT NULL DEFAULT now(),
  accepted_at timestamptz,
  declined_at timestamptz
);
CREATE INDEX handover_child_idx ON named_person_handover (child_id);

-- The sharing ledger: every disclosure to another organisation, and every decision not to share.
CREATE TABLE disclosure (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  decision text NOT NULL CHECK (decision IN ('shared', 'not_shared')),
  from_organisation_id uuid NOT NULL REFERENCES organisation (id),
  to_organisation_id uuid NOT NULL REFERENCES organisation (id),
  categories text[] NOT NULL,
  what text NOT NULL,
  reason text NOT NULL,
  legal_ground_code text REFERENCES legal_ground (code),
  consent_id uuid REFERENCES consent (id),
  decided_by uuid NOT NULL REFERENCES app_user (id),
  decided_at timestamptz NOT NULL DEFAULT now(),
  CHECK (decision = 'not_shared' OR legal_ground_code IS NOT NULL OR consent_id IS NOT NULL)
);
CREATE INDEX disclosure_child_idx ON disclosure (child_id, decided_at);

-- Dated entries in a category, written by one organisation; the chronology is derived from them.
CREATE TABLE record_entry (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  category text NOT NULL CHECK (category IN ('wellbeing', 'plan', 'concern', 'school', 'health', 'social_services')),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  author_id uuid NOT NULL REFERENCES app_user (id),
  occurred_on date NOT NULL,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_entry_child_idx ON record_entry (child_id, category, occurred_on);

-- Reads of a child's data are audited with subject_type 'child'; the log review filters on these.
CREATE INDEX audit_log_basis_idx ON audit_log ((details ->> 'basis'), at) WHERE subject_type = 'child';

-- The old Social Services Act's ground stays for decisions made under it; the new act's row replaced it.
INSERT INTO legal_ground (code, kind, title_sv, title_en, reference, valid_from, valid_to) VALUES
  ('sol2001_duty_to_report', 'duty_to_report', 'Anmälningsskyldighet till socialnämnden (äldre lydelse)', 'Duty to report to the social welfare board (former act)', 'SoL (2001:453) 14 kap. 1 §', '2002-01-01', '2025-06-30');
INSERT INTO legal_ground (code, kind, title_sv, title_en, reference, valid_from) VALUES
  ('consent', 'consent', 'Samtycke från vårdnadshavare eller barnet', 'Consent of the guardians or the child', 'OSL 12 kap. 2 §', '2000-01-01'),
  ('sol_duty_to_report', 'duty_to_report', 'Anmälningsskyldighet till socialnämnden', 'Duty to report to the social welfare board', 'Socialtjänstlagen (2025:400), anmälningsskyldighet när barn far illa', '2025-07-01'),
  ('osl_necessary_disclosure', 'necessary_disclosure', 'Nödvändigt utlämnande för att fullgöra verksamheten', 'Disclosure necessary to carry out the agency''s activities', 'OSL 10 kap. 2 §', '2000-01-01'),
  ('osl_emergency_health', 'emergency', 'Fara för liv eller hälsa (nödåtkomst)', 'Danger to life or health (emergency access)', 'OSL 25 kap. 13 §, PDL 6 kap. 3 §', '2000-01-01'),
  ('sol_investigation', 'care_team', 'Utredning enligt socialtjänstlagen', 'Investigation under the Social Services Act', 'Socialtjänstlagen (2025:400), utredning av barns behov', '2025-07-01'),
  ('lvu_urgent', 'emergency', 'Omedelbart omhändertagande enligt LVU', 'Immediate custody under LVU', 'LVU 6 §', '2000-01-01');
