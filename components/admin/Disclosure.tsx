import type { ReactNode } from "react";

/**
 * A form folded away in an nhsuk details element, opened by the form itself when it has errors to show:
 * without JavaScript the page is rendered afresh after a post, and a closed one would hide them.
 */
export function Disclosure({ summary, open, children }: { summary?: string; open: boolean; children: ReactNode }) {
  if (!summary) return <>{children}</>;
  return (
    <details className="nhsuk-details" open={open || undefined}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div className="nhsuk-details__text">{children}</div>
    </details>
  );
}
