import type { ReactNode } from "react";

export type ErrorSummaryItem = {
  /** "#" + the id of the field (for radios and checkboxes, the group id: the first input's id). */
  href: string;
  text: ReactNode;
};

export type ErrorSummaryProps = {
  errors: ErrorSummaryItem[];
  /** Default "There is a problem". */
  title?: ReactNode;
  description?: ReactNode;
  /** Default "error-summary". Client code can focus it: document.getElementById(id)?.focus(). */
  id?: string;
};

/**
 * Error summary at the top of a form. Renders nothing when there are no errors.
 * Put it first inside <main> (before the h1). It is focusable (tabIndex -1) so a client form can
 * move focus to it after a failed submit; role="alert" announces it when it appears.
 */
export function ErrorSummary({
  errors,
  title = "There is a problem",
  description,
  id = "error-summary",
}: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" id={id} tabIndex={-1}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">{title}</h2>
        <div className="nhsuk-error-summary__body">
          {description ? <p>{description}</p> : null}
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error, index) => (
              <li key={`${index} ${error.href}`}>
                <a href={error.href}>{error.text}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
