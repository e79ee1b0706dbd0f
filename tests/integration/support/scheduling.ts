import { randomUUID } from "node:crypto";
import type { Researcher } from "@/lib/auth/researcher-session";
import { statementField } from "@/lib/consent/consent-answers-schema";
import { findConsentInvitation } from "@/lib/consent/consent-invitation";
import { signConsent } from "@/lib/consent/sign-consent";
import { inviteParticipant } from "@/lib/participation/invite-participant";
import { participationOf, registerPerson, tokenFromLatestEmail } from "./participants";
import { testDb } from "./test-db";

/** A researcher account with this role, as the session code would hand it to the data layer. */
export async function aResearcher(role: "ADMIN" | "RESEARCHER" = "RESEARCHER"): Promise<Researcher> {
  const row = await testDb().researcher.create({
    data: { email: `r.${randomUUID().slice(0, 8)}@imperial.ac.uk`, name: `Test ${role}`, role },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role, totpEnabled: true };
}

/** Registers someone, invites them to one study and signs its consent form through the real functions. */
export async function consentedPerson(
  studySlug: "interview-study" | "workshops" = "interview-study",
  overrides: Record<string, unknown> = {},
) {
  const volunteerId = await registerPerson(overrides);
  const participation = await participationOf(volunteerId, studySlug);
  await inviteParticipant(testDb(), { participationId: participation.id, actor: { type: "SYSTEM" } });
  const token = await tokenFromLatestEmail(volunteerId, "consent", "invitation");
  const invitation = await findConsentInvitation(testDb(), token);
  if (invitation.kind !== "ready") throw new Error(`the invitation is ${invitation.kind}`);
  const values: Record<string, unknown> = { signedName: "Ada Lovelace" };
  for (const s of invitation.form.statements) values[statementField(s.id)] = s.required ? "yes" : "no";
  const signed = await signConsent(testDb(), { token, consentFormId: invitation.form.id, values });
  if (signed.kind !== "signed") throw new Error("not signed");
  return { volunteerId, participationId: participation.id };
}

/** Someone registered and invited to a study who has not signed yet. */
export async function invitedOnly(studySlug: "interview-study" | "workshops" = "interview-study") {
  const volunteerId = await registerPerson();
  const participation = await participationOf(volunteerId, studySlug);
  await inviteParticipant(testDb(), { participationId: participation.id, actor: { type: "SYSTEM" } });
  return { volunteerId, participationId: participation.id };
}

/** The calendar file attached to the newest email of this template to this person, as text. */
export async function calendarOf(volunteerId: string, template: string, filename?: string): Promise<string> {
  const email = await testDb().outgoingEmail.findFirstOrThrow({
    where: { volunteerId, template },
    orderBy: { createdAt: "desc" },
    include: { attachments: true },
  });
  const file = email.attachments.find((a) => (filename ? a.filename === filename : a.filename.endsWith(".ics")));
  if (!file) throw new Error(`no calendar file in the ${template} email`);
  return new TextDecoder().decode(file.content);
}

/** One property of an iCalendar file's event, unfolded (RFC 5545 folds long lines). */
export function icsProperty(ics: string, name: string): string | undefined {
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  return unfolded
    .split("\r\n")
    .find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`))
    ?.replace(/^[^:]*:/, "");
}

/** A date this many days from now at a given UK wall-clock time is awkward to pick; these are fixed. */
export const SUMMER = { day: "1", month: "7", year: String(new Date().getUTCFullYear() + 1) };
export const WINTER = { day: "14", month: "1", year: String(new Date().getUTCFullYear() + 2) };
