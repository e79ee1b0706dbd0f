import type { Metadata } from "next";
import { InsetText } from "@/components/nhs";
import { SignInForm } from "@/components/auth/SignInForm";
import { requestSignInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ "signed-out"?: string }> }) {
  const signedOut = (await searchParams)["signed-out"];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {signedOut ? (
          <InsetText>
            <p>
              {signedOut === "everywhere" ? "You have been signed out on every device." : "You have been signed out."}
            </p>
          </InsetText>
        ) : null}
        <h1 className="nhsuk-heading-l">Sign in to the study dashboard</h1>
        <p>
          For the study team only. We will email you a link to sign in, and then ask for a code from your authenticator
          app.
        </p>
        <SignInForm action={requestSignInAction} />
      </div>
    </div>
  );
}
