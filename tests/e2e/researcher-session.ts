import { randomUUID } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import { sealSecret } from "@/lib/auth/secret-box";
import { newTotpSecret } from "@/lib/auth/totp";
import type { Database } from "@/lib/db/prisma";
import type { ResearcherRole } from "@/lib/generated/prisma/client";
import { baseURL } from "../playwright.config";

export type TestResearcher = {
  id: string;
  email: string;
  name: string;
  role: ResearcherRole;
  totpSecret: string;
  sessionToken: string;
};

/**
 * A researcher who has signed in with both factors, as a fresh account and session made directly in the
 * database (the sign-in journey itself has its own tests), with the session cookie in `context`.
 */
export async function signInAs(
  context: BrowserContext,
  db: Database,
  authSecret: string,
  options: { role?: ResearcherRole; secondFactorDone?: boolean } = {},
): Promise<TestResearcher> {
  const role = options.role ?? "RESEARCHER";
  const email = `researcher.${randomUUID().slice(0, 8)}@imperial.ac.uk`;
  const totpSecret = newTotpSecret();
  const researcher = await db.researcher.create({
    data: {
      email,
      name: `Test ${role === "ADMIN" ? "Admin" : "Researcher"}`,
      role,
      totpSecret: sealSecret(totpSecret, authSecret),
      totpEnabledAt: new Date(),
    },
  });
  const sessionToken = randomUUID();
  await db.researcherSession.create({
    data: {
      sessionToken,
      userId: researcher.id,
      expires: new Date(Date.now() + 3_600_000),
      secondFactorAt: options.secondFactorDone === false ? null : new Date(),
    },
  });
  await context.addCookies([
    { name: "authjs.session-token", value: sessionToken, url: baseURL, httpOnly: true, sameSite: "Lax" },
  ]);
  return { id: researcher.id, email, name: researcher.name ?? "", role, totpSecret, sessionToken };
}
