-- The basis on which a handover's receiver joins the care team, stated when the handover is
-- proposed and weighed again when it is accepted. It is a team member's basis (see
-- care_team_member): a receiver from another organisation needs a consent that reaches their
-- organisation or a legal ground. Handovers recorded before this were all taken as the own
-- organisation's, which is what the default gives them.
ALTER TABLE named_person_handover
  ADD COLUMN basis text NOT NULL DEFAULT 'own_organisation' CHECK (basis IN ('own_organisation', 'consent', 'legal_duty')),
  ADD COLUMN consent_id uuid REFERENCES consent (id),
  ADD COLUMN legal_ground_code text REFERENCES legal_ground (code),
  ADD CHECK (basis <> 'consent' OR consent_id IS NOT NULL),
  ADD CHECK (basis <> 'legal_duty' OR legal_ground_code IS NOT NULL);
