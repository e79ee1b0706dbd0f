import type { Metadata } from "next";
import Link from "next/link";
import { Button, SummaryList, WarningCallout } from "@/components/nhs";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { signOutEverywhereAction } from "../../sign-in/actions";

export const metadata: Metadata = { title: "Your account" };

/** The signed-in researcher's own account, and signing out of every device at once. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ confirm?: string }> }) {
  const researcher = await requireResearcher();
  const { confirm } = await searchParams;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Your account</h1>
        <SummaryList
          rows={[
            { key: "Name", value: researcher.name ?? "Not given" },
            { key: "Email", value: <span className="app-break-word">{researcher.email}</span> },
            { key: "Role", value: researcher.role === "ADMIN" ? "Admin" : "Researcher" },
            { key: "Authenticator app", value: researcher.totpEnabled ? "Set up" : "Not set up" },
          ]}
        />
        <p>To change your name, email address or role, ask an admin.</p>
        <h2 className="nhsuk-heading-m">Sign out everywhere</h2>
        {confirm === "sign-out-everywhere" ? (
          <div id="confirm">
            <WarningCallout heading="Sign out on every device?" headingLevel={3}>
              <p>
                Every session you have, including this one, ends now. You will need your email and your authenticator
                app to sign in again.
              </p>
            </WarningCallout>
            <form action={signOutEverywhereAction}>
              <Button variant="warning">Yes, sign me out everywhere</Button>
            </form>
            <p>
              <Link href="/admin/account">No, go back</Link>
            </p>
          </div>
        ) : (
          <>
            <p>
              If you think someone else may be signed in as you, or you have lost a device you signed in on, sign out
              everywhere.
            </p>
            <p>
              <Link href="/admin/account?confirm=sign-out-everywhere#confirm">Sign out everywhere</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
