import { Table, type MantineSpacing } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** Read by screen readers only. */
  caption: string;
  /** Column headers; `false` leaves a column out (one the reader does not get). */
  headers: readonly (string | false)[];
  /** The rows, as `Table.Tr`. */
  children: ReactNode;
  striped?: boolean;
  verticalSpacing?: MantineSpacing;
  /** Extra class on the scrolling wrapper. */
  className?: string;
}

/**
 * A wrapper that scrolls sideways (a wide table on a phone) must be reachable by keyboard to be
 * scrolled; it joins the tab order only while it actually overflows, so desktop users tab past.
 */
function useFocusableWhenScrolling() {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const check = () => setScrolls(element.scrollWidth > element.clientWidth);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, tabIndex: scrolls ? 0 : undefined };
}

/** A plain data table: a hidden caption, column headers with scope, and rows the caller draws. */
export function DataTable({ caption, headers, children, striped = true, verticalSpacing = 'xs', className }: Props) {
  const { ref, tabIndex } = useFocusableWhenScrolling();
  return (
    <div ref={ref} tabIndex={tabIndex} className={className ? `table-scroll ${className}` : 'table-scroll'}>
      <Table verticalSpacing={verticalSpacing} className="data-table" striped={striped}>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header, i) => header !== false && <Table.Th key={i} scope="col">{header}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </div>
  );
}
