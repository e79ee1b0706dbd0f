import type { ReactNode } from "react";

/**
 * nhsuk-frontend's responsive table: columns on a wide screen; on a phone each row becomes a block whose
 * cells carry their own heading, so nothing scrolls sideways. Screen readers read it as a table (the
 * per-cell headings are hidden from them; the real column headers stay).
 */
export function ResponsiveTable({
  caption,
  headings,
  children,
  captionVisible = false,
}: {
  caption: string;
  headings: readonly string[];
  children: ReactNode;
  captionVisible?: boolean;
}) {
  return (
    <table className="nhsuk-table nhsuk-table--responsive" role="table">
      <caption
        className={`nhsuk-table__caption${captionVisible ? " nhsuk-table__caption--m" : " nhsuk-u-visually-hidden"}`}
      >
        {caption}
      </caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {headings.map((h) => (
            <th key={h} className="nhsuk-table__header" scope="col" role="columnheader">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">{children}</tbody>
    </table>
  );
}

export function Row({ children }: { children: ReactNode }) {
  return (
    <tr className="nhsuk-table__row" role="row">
      {children}
    </tr>
  );
}

export function Cell({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <td className="nhsuk-table__cell" role="cell">
      <span className="nhsuk-table-responsive__heading" aria-hidden="true">
        {heading}{" "}
      </span>
      <span className="app-cell-content">{children}</span>
    </td>
  );
}
