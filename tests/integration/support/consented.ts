import { statementField } from "@/lib/consent/consent-answers-schema";
import { findConsentInvitation } from "@/lib/consent/consent-invitation";
import { signConsent } from "@/lib/consent/sign-consent";
import { invitedPerson } from "./participants";
import { testDb } from "./test-db";

/** Registers, invites and signs the interview study's consent form, as the person would; optional statements answered `optional`. */
export async function consentedPerson(
  overrides: Record<string, unknown> = {},
  optional: "yes" | "no" = "yes",
  signedName = "Ada Lovelace",
) {
  const invited = await invitedPerson(overrides);
  const invitation = await findConsentInvitation(testDb(), invited.consentToken);
  if (invitation.kind !== "ready") throw new Error(`invitation is ${invitation.kind}`);
  const values: Record<string, unknown> = { signedName };
  for (const s of invitation.form.statements) values[statementField(s.id)] = s.required ? "yes" : optional;
  const result = await signConsent(testDb(), {
    token: invited.consentToken,
    consentFormId: invitation.form.id,
    values,
  });
  if (result.kind !== "signed") throw new Error(`not signed: ${result.kind}`);
  return invited;
}
