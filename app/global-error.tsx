"use client";

import Link from "next/link";
import { SERVICE_NAME, STUDY_CONTACT } from "@/lib/site";
import "./styles/main.scss";

/** Replaces the root layout when the layout itself fails. Deliberately gives no technical detail. */
export default function GlobalError() {
  return (
    <html lang="en-GB">
      <body>
        <title>{`Sorry, there is a problem with the service – ${SERVICE_NAME}`}</title>
        <a className="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <header className="nhsuk-header" role="banner">
          <div className="nhsuk-header__container nhsuk-width-container">
            <div className="nhsuk-header__service">
              <Link className="nhsuk-header__service-name" href="/">
                {SERVICE_NAME}
              </Link>
            </div>
          </div>
        </header>
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent">
            <h1 className="nhsuk-heading-l">Sorry, there is a problem with the service</h1>
            <p>Try again later.</p>
            <p>
              If you need help, contact {STUDY_CONTACT.name} at{" "}
              <a className="app-break-word" href={`mailto:${STUDY_CONTACT.email}`}>
                {STUDY_CONTACT.email}
              </a>
              .
            </p>
          </main>
        </div>
      </body>
    </html>
  );
}
