import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/nhs";
import { signInLinkUsable } from "@/lib/auth/second-factor";
import { readEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string; email?: string }> };

/**
 * Where the emailed link lands. Opening it does nothing (email scanners open every link first); pressing
 * the button signs in.
 */
export default async function ConfirmSignInPage({ searchParams }: Props) {
  const { token = "", email = "" } = await searchParams;
  const authSecret = readEnv().AUTH_SECRET ?? "";
  const usable = await signInLinkUsable(getDb(), { token, email, authSecret });
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {usable ? (
          <>
            <h1 className="nhsuk-heading-l">Sign in to the study dashboard</h1>
            <p>Signing in as {email}.</p>
            <form method="post" action="/sign-in/confirm/complete">
              <input type="hidden" name="token" value={token} />
              <input type="hidden" name="email" value={email} />
              <Button>Sign in</Button>
            </form>
          </>
        ) : (
          <>
            <h1 className="nhsuk-heading-l">This sign-in link does not work</h1>
            <p>Sign-in links work once, for 10 minutes. This one has expired or has been used.</p>
            <p>
              <Link href="/sign-in">Ask for a new link</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
