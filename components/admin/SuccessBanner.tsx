import type { ReactNode } from "react";

/**
 * The confirmation after an action (nhsuk-frontend v10 success notification banner): shown on the page
 * the action redirected to, above its h1, announced by screen readers (role="alert").
 */
export function SuccessBanner({ heading, children }: { heading: ReactNode; children?: ReactNode }) {
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-banner-title"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="success-banner-title">
          Success
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
