import type { ReactNode } from "react";

interface DataTableProps<T> {
  /** Names the table for screen readers; the heading above already names it for the eye. */
  caption: string;
  columns: readonly string[];
  rows: readonly T[];
  /** Shown instead of a table without rows. */
  emptyText: string;
  /** One <tr> per row, with its own key; its first cell is a row header. */
  children: (row: T) => ReactNode;
}

export function DataTable<T>({ caption, columns, rows, emptyText, children }: DataTableProps<T>) {
  if (rows.length === 0) {
    return <p>{emptyText}</p>;
  }
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map(children)}</tbody>
      </table>
    </div>
  );
}
