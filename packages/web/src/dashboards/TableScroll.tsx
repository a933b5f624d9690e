import type { ReactNode } from 'react';

/** A table that may scroll sideways on a phone: the scroll area is a keyboard stop with a name (axe: scrollable-region-focusable). */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label} style={{ overflowX: 'auto' }}>
      {children}
    </div>
  );
}
