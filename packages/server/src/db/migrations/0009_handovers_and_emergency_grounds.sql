-- Handovers everyone can follow (issue 12): the preschool life stage, a proposal its proposer
-- withdraws (who and when), and what becomes of the previous named person when it is accepted.
ALTER TABLE named_person_handover DROP CONSTRAINT named_person_handover_life_stage_check;
ALTER TABLE named_person_handover ADD CONSTRAINT named_person_handover_life_stage_check
  CHECK (life_stage IN ('maternity_care', 'child_health_care', 'preschool', 'school', 'youth_follow_up'));
ALTER TABLE named_person_handover
  ADD COLUMN withdrawn_at timestamptz,
  ADD COLUMN withdrawn_by uuid REFERENCES app_user (id),
  -- Chosen at the proposal: whether the named person handing over stays on the team as a member
  -- when the receiver accepts. Null only when nobody was named person (nobody to keep or end).
  ADD COLUMN previous_stays_member boolean,
  ADD CONSTRAINT named_person_handover_withdrawn_by_check CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL)),
  ADD CONSTRAINT named_person_handover_one_outcome_check
    CHECK ((accepted_at IS NOT NULL)::int + (declined_at IS NOT NULL)::int + (withdrawn_at IS NOT NULL)::int <= 1);

-- Legal grounds fit some sectors and say in one line when they apply: the emergency form offers
-- an opener only the grounds of their unit's sector (a teacher is not offered LVU 6 §). An empty
-- list fits every sector. Which information categories a ground opens is the policy's (core).
ALTER TABLE legal_ground
  ADD COLUMN sectors text[] NOT NULL DEFAULT '{}',
  ADD COLUMN explanation_sv text NOT NULL DEFAULT '',
  ADD COLUMN explanation_en text NOT NULL DEFAULT '';

UPDATE legal_ground SET
  sectors = '{maternity_care,child_health_care,primary_care,child_psychiatry,habilitation,student_health}',
  explanation_sv = 'Hälso- och sjukvården behöver uppgifterna nu för att avvärja fara för barnets liv eller hälsa.',
  explanation_en = 'Health care needs the information now to avert a danger to the child''s life or health.'
WHERE code = 'osl_emergency_health';
UPDATE legal_ground SET
  sectors = '{social_services}',
  explanation_sv = 'Socialnämnden överväger ett omedelbart omhändertagande av barnet.',
  explanation_en = 'The social welfare board is considering taking the child into immediate care.'
WHERE code = 'lvu_urgent';

INSERT INTO legal_ground (code, kind, title_sv, title_en, reference, valid_from, sectors, explanation_sv, explanation_en) VALUES
  ('brb_necessity', 'emergency', 'Nöd: akut fara för barnets liv eller hälsa', 'Necessity: acute danger to the child''s life or health', 'Brottsbalken 24 kap. 4 §', '2000-01-01',
   '{preschool,school,youth_follow_up,leisure,non_profit,police}',
   'Barnet är i akut fara och du behöver veta vem i teamet du ska kontakta och vad planen säger.',
   'The child is in acute danger and you need to know whom in the team to call and what the plan says.');
