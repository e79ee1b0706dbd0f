"use client";

import Link from "next/link";
import { Button } from "@/components/nhs/Button";
import { SERVICE_NAME, STUDY_CONTACT } from "@/lib/site";

/** Shown when a page fails. Deliberately gives no technical detail. */
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <title>{`Sorry, there is a problem with the service – ${SERVICE_NAME}`}</title>
        <h1 className="nhsuk-heading-l">Sorry, there is a problem with the service</h1>
        <p>Try again later.</p>
        <p>
          If you were filling in a form, your answers may not have been saved. If you need help, contact{" "}
          {STUDY_CONTACT.name} at{" "}
          <a className="app-break-word" href={`mailto:${STUDY_CONTACT.email}`}>
            {STUDY_CONTACT.email}
          </a>
          .
        </p>
        <Button type="button" variant="secondary" onClick={() => retry()}>
          Try again
        </Button>
        <p>
          <Link href="/">Go to the home page</Link>
        </p>
      </div>
    </div>
  );
}
