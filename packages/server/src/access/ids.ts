/** A uuid's canonical text is lower case; PostgreSQL accepts either, the log keeps one. */
export function canonicalId(id: string): string {
  return id.toLowerCase();
}

const canonicalUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a text is a uuid in its canonical form (lower case): the only ids written into a statement's text. */
export function isCanonicalUuid(text: string): boolean {
  return canonicalUuid.test(text);
}

/**
 * The ids of a list's rows per child (by canonical id), for a list look's `detailsFor`: which rows
 * each child's answer stood for. Grouped once, so a long list is not searched once per child.
 */
export function rowIdsByChild(rows: readonly { id: string; child_id: string }[]): (childId: string) => string[] {
  const byChild = new Map<string, string[]>();
  for (const r of rows) {
    const key = canonicalId(r.child_id);
    const ids = byChild.get(key);
    if (ids) ids.push(r.id);
    else byChild.set(key, [r.id]);
  }
  return (childId) => byChild.get(childId) ?? [];
}
