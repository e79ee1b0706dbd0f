import type { ReactNode } from "react";

export type DetailsProps = {
  summary: ReactNode;
  /** Block content: wrap text in <p>. */
  children: ReactNode;
  open?: boolean;
  id?: string;
};

/** Native <details>: works without JavaScript. */
export function Details({ summary, children, open, id }: DetailsProps) {
  return (
    <details className="nhsuk-details" id={id} open={open}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div className="nhsuk-details__text">{children}</div>
    </details>
  );
}
