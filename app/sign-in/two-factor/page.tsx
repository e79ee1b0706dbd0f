import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Details } from "@/components/nhs";
import { TwoFactorForm } from "@/components/auth/TwoFactorForm";
import { currentSessionToken, findResearcherSession } from "@/lib/auth/researcher-session";
import { pendingEnrolment } from "@/lib/auth/second-factor";
import { readEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { twoFactorAction } from "../actions";

export const metadata: Metadata = { title: "Your authenticator code", robots: { index: false } };

/** The second factor, after the emailed link: set up an authenticator app once, then a code each time. */
export default async function TwoFactorPage() {
  const session = await findResearcherSession(await currentSessionToken());
  if (!session) redirect("/sign-in");
  if (session.secondFactorDone) redirect("/admin");
  const authSecret = readEnv().AUTH_SECRET;
  if (!authSecret) throw new Error("AUTH_SECRET is not set");
  const enrolment = await pendingEnrolment(getDb(), session.researcher.id, authSecret);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {enrolment ? (
          <>
            <h1 className="nhsuk-heading-l">Set up your authenticator app</h1>
            <p>
              Every member of the study team signs in with a code from an authenticator app as well as the emailed link,
              because the portal holds personal data.
            </p>
            <ol className="nhsuk-list nhsuk-list--number">
              <li>
                Open an authenticator app on your phone (for example Microsoft Authenticator, which NHS and Imperial
                staff often have).
              </li>
              <li>Add an account by scanning this QR code.</li>
              <li>Enter the 6-digit code the app shows.</li>
            </ol>
            <div
              className="app-qr-code"
              role="img"
              aria-label="QR code for your authenticator app"
              dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
            />
            <Details summary="I cannot scan the code">
              <p>Add the account by hand with this key (time-based, 6 digits):</p>
              <p className="app-break-word">
                <code>{enrolment.secret}</code>
              </p>
            </Details>
          </>
        ) : (
          <>
            <h1 className="nhsuk-heading-l">Enter the code from your authenticator app</h1>
            <p>Signing in as {session.researcher.email}.</p>
          </>
        )}
        <TwoFactorForm action={twoFactorAction} />
      </div>
    </div>
  );
}
