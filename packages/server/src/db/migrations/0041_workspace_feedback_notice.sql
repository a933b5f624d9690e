-- Issue 16 point 6, "the feedback lands in the workspace": a visitor's question on a page a forum
-- owns becomes a notice in that forum's workspace (in the feedback's own transaction), and the
-- workspace's members read the questions there.
ALTER TABLE workspace_notice DROP CONSTRAINT workspace_notice_kind_check;
ALTER TABLE workspace_notice ADD CONSTRAINT workspace_notice_kind_check
  CHECK (kind IN ('post', 'document_version', 'meeting', 'member_added', 'join_requested', 'join_answered', 'feedback'));
