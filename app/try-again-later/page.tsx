import type { Metadata } from "next";
import Link from "next/link";
import { STUDY_CONTACT } from "@/lib/site";

export const metadata: Metadata = { title: "Please try again later", robots: { index: false } };

/**
 * What a personal link shows while its client is rate limited. The proxy shows this page in place of the
 * link's own page, with status 429 and Retry-After, so the address bar keeps the person's link.
 */
export default async function LinksPausedPage({ searchParams }: { searchParams: Promise<{ minutes?: string }> }) {
  const minutes = Math.min(60, Math.max(1, Number.parseInt((await searchParams).minutes ?? "10", 10) || 10));
  const wait = minutes === 1 ? "1 minute" : `${minutes} minutes`;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Please try again in {wait}</h1>
        <p>
          We have had a lot of requests for personal links from your network in a short time, so we have paused them for
          a while.
        </p>
        <p>Your link still works. Come back in {wait} and open it again.</p>
        <p>
          If you need help now, contact {STUDY_CONTACT.name} at{" "}
          <a href={`mailto:${STUDY_CONTACT.email}`}>{STUDY_CONTACT.email}</a>.
        </p>
        <p>
          <Link href="/">Go to the start page</Link>
        </p>
      </div>
    </div>
  );
}
