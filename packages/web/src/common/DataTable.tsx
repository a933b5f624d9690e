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
export function useFocusableWhenScrolling() {
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

/**
 * On a narrow screen the table shows each row as a card (styles.css), each cell led by its
 * column's name: the cells of rows the caller draws are labelled from the headers here, also
 * when the rows change without this component drawing again.
 */
export function useCellLabels(headers: readonly string[]) {
  const ref = useRef<HTMLTableSectionElement>(null);
  // The headers' text is what matters, not the array's identity.
  const key = headers.join('\u0000');
  useEffect(() => {
    const body = ref.current;
    if (!body) return;
    const headers = key.split('\u0000');
    const label = () => {
      for (const row of Array.from(body.rows)) {
        Array.from(row.cells).forEach((cell, i) => {
          const header = cell.colSpan > 1 ? undefined : headers[i];
          if (header && cell.dataset.label !== header) cell.dataset.label = header;
        });
      }
    };
    label();
    if (typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(label);
    observer.observe(body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [key]);
  return ref;
}

/** A plain data table: a hidden caption, column headers with scope, and rows the caller draws; cards on a phone. */
export function DataTable({ caption, headers, children, striped = true, verticalSpacing = 'xs', className }: Props) {
  const { ref, tabIndex } = useFocusableWhenScrolling();
  const shown = headers.filter((h): h is string => h !== false);
  const bodyRef = useCellLabels(shown);
  return (
    <div ref={ref} tabIndex={tabIndex} className={className ? `table-scroll ${className}` : 'table-scroll'}>
      <Table verticalSpacing={verticalSpacing} className="data-table stacks" striped={striped}>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header, i) => header !== false && <Table.Th key={i} scope="col">{header}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={bodyRef}>{children}</Table.Tbody>
      </Table>
    </div>
  );
}
