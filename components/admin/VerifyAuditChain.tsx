"use client";

import { useActionState } from "react";
import type { VerifyState } from "@/lib/audit/verify-audit-log";
import { Button } from "@/components/nhs";

/** The "verify the audit chain" button and, once run, what it found. */
export function VerifyAuditChain({ action }: { action: (previous: VerifyState) => Promise<VerifyState> }) {
  const [report, formAction, pending] = useActionState(action, null);
  return (
    <>
      {report ? (
        report.intact ? (
          <div
            className="nhsuk-notification-banner nhsuk-notification-banner--success"
            role="alert"
            aria-labelledby="verify-title"
          >
            <div className="nhsuk-notification-banner__header">
              <h2 className="nhsuk-notification-banner__title" id="verify-title">
                Audit chain checked
              </h2>
            </div>
            <div className="nhsuk-notification-banner__content">
              <p className="nhsuk-notification-banner__heading">
                The chain is intact: {report.eventsChecked} {report.eventsChecked === 1 ? "event" : "events"} checked
              </p>
            </div>
          </div>
        ) : (
          <div className="nhsuk-error-summary" role="alert" aria-labelledby="verify-title" tabIndex={-1}>
            <h2 className="nhsuk-error-summary__heading" id="verify-title">
              The chain is broken at event {report.brokenAtId}
            </h2>
            <div className="nhsuk-error-summary__body">
              <p>
                Problem: {report.problem}. {report.eventsChecked}{" "}
                {report.eventsChecked === 1 ? "event was" : "events were"} checked before it stopped. At this event, or
                just before it, the audit log was changed outside the portal: an event was altered, removed or inserted.
                Tell the data protection officer.
              </p>
            </div>
          </div>
        )
      ) : null}
      <form action={formAction}>
        <Button variant="secondary" disabled={pending}>
          {pending ? "Checking…" : "Verify the audit chain"}
        </Button>
      </form>
    </>
  );
}
