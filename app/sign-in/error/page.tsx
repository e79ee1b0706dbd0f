import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sign-in problem", robots: { index: false } };

/** Auth.js sends people here when a sign-in cannot complete (for example a link used twice). */
export default function SignInErrorPage() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">We could not sign you in</h1>
        <p>The link may have expired or been used already. Sign-in links work once, for 10 minutes.</p>
        <p>
          <Link href="/sign-in">Ask for a new link</Link>
        </p>
      </div>
    </div>
  );
}
