-- The newsletter (issue 17 point 6): issues composed of blocks, published as public pages, and
-- the subscribers they are mailed to. No child's data anywhere: the blocks read aggregates only.

-- An issue: its blocks (text, an indicator's chart, a run chart, an action plan's progress, a fund
-- project's story) as the coordinator composed them. A draft previews live data; publishing makes
-- a public page (public_page, kind 'newsletter') whose version holds the frozen snapshot.
CREATE TABLE newsletter_issue (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_organisation_id uuid NOT NULL REFERENCES organisation (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  -- The date the blocks' data is read as of (a figure of a later year is not shown).
  issue_date date NOT NULL,
  blocks jsonb NOT NULL DEFAULT '[]',
  public_page_id uuid UNIQUE REFERENCES public_page (id),
  sent_at timestamptz,
  sent_count int,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX newsletter_issue_owner_idx ON newsletter_issue (owner_organisation_id, issue_date DESC);

-- A subscriber: an address and nothing else (no name, no tracking). Only a confirmed address is
-- mailed; the token is in the confirmation and in every issue's unsubscribe link. Unsubscribing
-- deletes the row: nothing is kept of a person who left.
CREATE TABLE newsletter_subscriber (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_organisation_id uuid NOT NULL REFERENCES organisation (id),
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  token text NOT NULL UNIQUE,
  -- The language the address subscribed in: the issue is mailed in it.
  lang text NOT NULL DEFAULT 'sv' CHECK (lang IN ('sv', 'en')),
  confirmed_at timestamptz,
  created_at timestamptz NOT NULL,
  UNIQUE (owner_organisation_id, email)
);
