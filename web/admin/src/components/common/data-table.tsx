import { Table, VisuallyHidden, type MantineBreakpoint, type TableProps, type TableTdProps } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Column<T> {
  /** What the header says; read out but not shown when hideHeader (an actions column). */
  header: string;
  hideHeader?: boolean;
  align?: 'end';
  /** Below this breakpoint the column is left out, header and cells. */
  visibleFrom?: MantineBreakpoint;
  cell: (row: T) => ReactNode;
  /** Extra Table.Td props for this column's cells (fw, c, miw, style…), fixed or per row. */
  td?: TableTdProps | ((row: T) => TableTdProps);
}

/** A list as a table, a column each; narrower than minWidth it scrolls sideways, and the scrolling region takes keyboard focus. */
export function DataTable<T>({ rows, rowKey, columns, minWidth = 560, ...table }: { rows: readonly T[]; rowKey: (row: T) => string; columns: Column<T>[]; minWidth?: number } & Omit<TableProps, 'data' | 'children'>) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0}>
      <Table {...table}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header} scope="col" ta={column.align} visibleFrom={column.visibleFrom}>
                {column.hideHeader ? <VisuallyHidden>{column.header}</VisuallyHidden> : column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column) => (
                <Table.Td key={column.header} ta={column.align} visibleFrom={column.visibleFrom} {...(typeof column.td === 'function' ? column.td(row) : column.td)}>
                  {column.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
