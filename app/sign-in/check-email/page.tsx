import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

/** The same page whoever asked: it never says whether an address has an account. */
export default function CheckEmailPage() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Check your email</h1>
        <p>
          If that address belongs to a member of the study team, we have sent it a link to sign in. The link works once,
          for 10 minutes.
        </p>
        <p>
          If nothing arrives within a few minutes, check your junk folder, check you typed your work address, or ask
          your study administrator.
        </p>
        <p>
          <Link href="/sign-in">Ask for another link</Link>
        </p>
      </div>
    </div>
  );
}
