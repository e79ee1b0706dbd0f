import { registerInterest } from "@/lib/registration/register-interest";
import { registrationSchema } from "@/lib/registration/schema";
import { listRecruitingStudies } from "@/lib/studies/recruiting-studies";
import { inviteParticipant } from "@/lib/participation/invite-participant";
import { validAnswers } from "../../support/registration-answers";
import { testDb } from "./test-db";

const studyChoices = [
  { slug: "interview-study", kind: "INTERVIEW" },
  { slug: "workshops", kind: "WORKSHOP" },
] as const;

/** Registers a person, as the public journey would, and returns their volunteer id. */
export async function registerPerson(overrides: Record<string, unknown> = {}): Promise<string> {
  const answers = registrationSchema(studyChoices).parse({
    ...validAnswers,
    email: `p${crypto.randomUUID().slice(0, 8)}@nhs.net`,
    ...overrides,
  });
  const outcome = await registerInterest(testDb(), {
    answers,
    studies: await listRecruitingStudies(),
    submissionKey: crypto.randomUUID(),
    privacyNoticeVersion: "1.0",
    publicUrl: "http://portal.test",
  });
  if (outcome.kind !== "stored") throw new Error("registration was not stored");
  return outcome.volunteerId;
}

export async function participationOf(volunteerId: string, studySlug = "interview-study") {
  return testDb().participation.findFirstOrThrow({ where: { volunteerId, study: { slug: studySlug } } });
}

/** The token in the newest email's link of the given kind, read from the email as the person would. */
export async function tokenFromLatestEmail(
  volunteerId: string,
  path: "consent" | "manage",
  template?: string,
): Promise<string> {
  const emails = await testDb().outgoingEmail.findMany({
    where: { volunteerId, ...(template ? { template } : {}) },
    orderBy: { createdAt: "desc" },
  });
  for (const email of emails) {
    const match = email.textBody.match(new RegExp(`https?://[^/\\s]+/${path}/([A-Za-z0-9_-]{43})`));
    if (match) return match[1]!;
  }
  throw new Error(`no ${path} link in the emails`);
}

/** Registers and invites someone to the interview study; returns their ids and consent link token. */
export async function invitedPerson(overrides: Record<string, unknown> = {}) {
  const volunteerId = await registerPerson(overrides);
  const participation = await participationOf(volunteerId);
  await inviteParticipant(testDb(), { participationId: participation.id, actor: { type: "SYSTEM" } });
  return {
    volunteerId,
    participationId: participation.id,
    consentToken: await tokenFromLatestEmail(volunteerId, "consent", "invitation"),
  };
}
