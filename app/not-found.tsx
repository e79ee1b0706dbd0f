import type { Metadata } from "next";
import Link from "next/link";
import { STUDY_CONTACT } from "@/lib/site";

export const metadata: Metadata = {
  title: "Page not found",
};

export default function NotFound() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Page not found</h1>
        <p>If you entered a web address, check it was correct.</p>
        <p>If you pasted the web address, check you copied the entire address.</p>
        <p>
          If you followed a link from one of our emails, the link may have expired. Contact {STUDY_CONTACT.name} at{" "}
          <a className="app-break-word" href={`mailto:${STUDY_CONTACT.email}`}>
            {STUDY_CONTACT.email}
          </a>{" "}
          and we will help.
        </p>
        <p>
          You can <Link href="/">find out about the research and register your interest</Link> on the home page.
        </p>
      </div>
    </div>
  );
}
