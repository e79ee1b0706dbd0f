import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Please try again later" };

export default async function TryAgainLaterPage({ searchParams }: { searchParams: Promise<{ minutes?: string }> }) {
  const minutes = Math.min(60, Math.max(1, Number.parseInt((await searchParams).minutes ?? "10", 10) || 10));
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Please try again in {minutes === 1 ? "1 minute" : `${minutes} minutes`}</h1>
        <p>We have had a lot of registrations from your network in a short time, so we have paused them for a while.</p>
        <p>
          Any answers you have already given are saved. Come back in {minutes === 1 ? "1 minute" : `${minutes} minutes`}{" "}
          to carry on.
        </p>
        <p>
          <Link href="/">Return to the start page</Link>
        </p>
      </div>
    </div>
  );
}
