-- A look at a list of children is one audit entry (subject_type 'child_list'): "a page opened
-- once is one entry in the log" (DESIGN.md). Its details name every child it showed (`children`)
-- and each child's own answer of the gate (`looks`, keyed by the child's id). The family's access
-- log and log review find the entries that name a child through this index, and read them as one
-- look per child (audit/child-looks.ts).
CREATE INDEX audit_log_list_children_idx ON audit_log USING gin ((details -> 'children')) WHERE subject_type = 'child_list';
