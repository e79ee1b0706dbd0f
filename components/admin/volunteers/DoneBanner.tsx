const messages: Record<string, (study?: string) => string> = {
  invited: (study) =>
    `Invitation sent${study ? ` for ${study}` : ""}. They have been emailed the information sheet and a link to the consent form.`,
  "link-resent": (study) =>
    `A new consent link was sent${study ? ` for ${study}` : ""}. The earlier link no longer works.`,
  "eligibility-overridden": (study) => `Eligibility overridden${study ? ` for ${study}` : ""}.`,
  "override-cleared": (study) =>
    `Override removed${study ? ` for ${study}` : ""}. The eligibility worked out from their answers applies again.`,
  withdrawn: () =>
    "Withdrawal recorded. Everything pending for them in those studies has been cancelled, and they and the study team have been emailed.",
  erased: () => "Their personal data has been erased.",
};

/** The confirmation after an action on the volunteer's page (the action redirects here with ?done=...). */
export function DoneBanner({ done, studyTitle }: { done?: string; studyTitle?: string }) {
  const message = done ? messages[done] : undefined;
  if (!message) return null;
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      role="alert"
      aria-labelledby="done-banner-title"
      data-module="nhsuk-notification-banner"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="done-banner-title">
          Success
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{message(studyTitle)}</p>
      </div>
    </div>
  );
}
