import type { EmailContent } from "../enqueue-email";
import { renderEmail } from "./layout";

/** Tells a new member of the study team that they have an account, and how signing in works. */
export function renderResearcherAccount(input: { signInUrl: string; role: "ADMIN" | "RESEARCHER" }): EmailContent {
  const title = "Your account on the study dashboard";
  return {
    subject: "You have an account on the study dashboard",
    ...renderEmail(title, [
      {
        kind: "paragraph",
        text: `An administrator of the bi-directional learning research portal has given you an account on the study team's dashboard, as ${input.role === "ADMIN" ? "an administrator" : "a researcher"}.`,
      },
      { kind: "link", text: "Sign in", href: input.signInUrl },
      {
        kind: "paragraph",
        text: "Enter this email address to get a sign-in link. The first time, you will also set up an authenticator app on your phone (such as Microsoft Authenticator or Google Authenticator): you will need it each time you sign in.",
      },
      { kind: "paragraph", text: "If you were not expecting this, you can ignore this email." },
    ]),
  };
}
