import type { ReactNode } from "react";

/**
 * The confirmation shown after an action succeeded (the page is reached with `?done=…`): an NHS success
 * notification banner, announced by screen readers as it appears.
 */
export function DoneBanner({ heading, children }: { heading: string; children?: ReactNode }) {
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      role="alert"
      aria-labelledby="done-banner-title"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="done-banner-title">
          Done
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <h3 className="nhsuk-notification-banner__heading">{heading}</h3>
        {children}
      </div>
    </div>
  );
}
