import type { ReactNode } from 'react';
import { useFocusableWhenScrolling } from '../common/DataTable.tsx';

/**
 * A fund table of money (four or five columns of kronor) that scrolls sideways inside itself on a
 * phone (390 px) instead of widening the page; the region joins the tab order only while it
 * overflows, so it can be scrolled by keyboard.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  const { ref, tabIndex } = useFocusableWhenScrolling();
  return (
    <div ref={ref} tabIndex={tabIndex} role="region" aria-label={label} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </div>
  );
}
