import type { EmailContent } from "../enqueue-email";
import { renderEmail } from "./layout";

/** The researcher's sign-in link: valid for 10 minutes, once, and only after pressing a button. */
export function renderSignInLink(input: { confirmUrl: string; minutes: number }): EmailContent {
  const title = "Sign in to the research portal";
  return {
    subject: "Your sign-in link",
    ...renderEmail(title, [
      { kind: "paragraph", text: `Use this link to sign in. It works once, for the next ${input.minutes} minutes.` },
      { kind: "link", text: "Sign in", href: input.confirmUrl },
      {
        kind: "paragraph",
        text: "The link opens a page with a button: press it to finish signing in. You will then be asked for the code from your authenticator app.",
      },
      {
        kind: "paragraph",
        text: "If you did not ask to sign in, you can ignore this email. Nobody can sign in without your authenticator app as well.",
      },
    ]),
  };
}
