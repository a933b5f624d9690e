-- Secrecy applies between the independent parts of one authority (OSL 8 kap. 2 §), so a school may
-- disclose to its own municipality's social services: the disclosure then names the receiving
-- secrecy domain. Within one organisation it must name one, and not the domain it comes from.
ALTER TABLE disclosure ADD COLUMN to_secrecy_domain_id uuid REFERENCES secrecy_domain (id);
ALTER TABLE disclosure ADD CONSTRAINT disclosure_within_organisation_names_other_domain CHECK (
  from_organisation_id <> to_organisation_id
  OR (to_secrecy_domain_id IS NOT NULL AND to_secrecy_domain_id <> from_secrecy_domain_id)
);
