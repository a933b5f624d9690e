import { Table, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

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

/** A plain data table: a hidden caption, column headers with scope, and rows the caller draws. */
export function DataTable({ caption, headers, children, striped = true, verticalSpacing = 'xs', className }: Props) {
  return (
    <div className={className ? `table-scroll ${className}` : 'table-scroll'}>
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
