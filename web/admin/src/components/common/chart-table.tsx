import { Table, VisuallyHidden } from '@mantine/core';

/**
 * A chart's figures as a table that only screen readers see: the chart itself is aria-hidden,
 * so every chart says the same thing to everyone.
 */
export function ChartTable<R extends { label: string }>({ caption, rowHeader, rows, columns }: { caption: string; rowHeader: string; rows: readonly R[]; columns: { label: string; value: (row: R) => string }[] }) {
  return (
    <VisuallyHidden>
      <Table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {columns.map((c) => (
              <th scope="col" key={c.label}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {columns.map((c) => (
                <td key={c.label}>{c.value(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </VisuallyHidden>
  );
}
