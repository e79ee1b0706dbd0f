import { beforeEach, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/db/seed";
import { inviteParticipant } from "@/lib/participation/invite-participant";
import { registerInterest } from "@/lib/registration/register-interest";
import { registrationSchema } from "@/lib/registration/schema";
import { listRecruitingStudies } from "@/lib/studies/recruiting-studies";
import { validAnswers } from "../support/registration-answers";
import { participationOf, registerPerson } from "./support/participants";
import { testDb } from "./support/test-db";

/**
 * An invitation is written in two places: store_registration (prisma/functions, SQL) for studies that
 * invite automatically, and inviteParticipantInTransaction (TypeScript) for everyone else. Reminders, the
 * dashboard, the audit log and the exports read what they write, so the two must write the same.
 */

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

async function setInvitationMode(mode: "AUTOMATIC" | "AFTER_TRIAGE") {
  await testDb().study.update({ where: { slug: "interview-study" }, data: { invitationMode: mode } });
}

/** What an invitation left behind, with ids replaced by what they should point at. */
async function invitationWrittenFor(participationId: string) {
  const db = testDb();
  const participation = await db.participation.findUniqueOrThrow({
    where: { id: participationId },
    include: { volunteer: true },
  });
  const form = await db.consentForm.findFirst({
    where: { studyId: participation.studyId, publishedAt: { not: null } },
    orderBy: { publishedAt: "desc" },
  });
  const links = await db.accessToken.findMany({ where: { participationId, purpose: "CONSENT" } });
  const link = links.find((t) => t.revokedAt === null && t.usedAt === null);
  const emails = await db.outgoingEmail.findMany({ where: { participationId } });
  const events = await db.auditEvent.findMany({ where: { subjectType: "participation", subjectId: participationId } });
  const name = (id: unknown, names: Record<string, string | undefined>) =>
    Object.entries(names).find(([, value]) => value === id)?.[0] ?? id;
  const ids = { "<the consent link>": link?.id, "<the study>": participation.studyId, "<the current form>": form?.id };
  return {
    openConsentLinks: links.filter((t) => t.revokedAt === null && t.usedAt === null).length,
    participation: {
      status: participation.status,
      invitedAt: participation.invitedAt ? "set" : null,
      // A first invitation sends the information sheet at the moment of inviting.
      informationSheetSentAt:
        participation.informationSheetSentAt?.getTime() === participation.invitedAt?.getTime()
          ? "the moment of inviting"
          : participation.informationSheetSentAt,
    },
    emails: emails.map((e) => ({
      dedupeKey: e.dedupeKey.replace(link?.id ?? "", "<the consent link>"),
      template: e.template,
      to: e.toAddress === participation.volunteer.email ? "<the volunteer>" : e.toAddress,
      volunteerId: e.volunteerId === participation.volunteerId ? "<the volunteer>" : e.volunteerId,
      status: e.status,
    })),
    events: events.map((e) => {
      const data = e.data as Record<string, unknown>;
      return {
        action: e.action,
        keys: Object.keys(data).sort(),
        data: Object.fromEntries(Object.entries(data).map(([key, value]) => [key, name(value, ids)])),
      };
    }),
  };
}

function expectedInvitation(automatic: boolean) {
  return {
    openConsentLinks: 1,
    participation: { status: "INVITED", invitedAt: "set", informationSheetSentAt: "the moment of inviting" },
    emails: [
      {
        dedupeKey: "invitation:<the consent link>",
        template: "invitation",
        to: "<the volunteer>",
        volunteerId: "<the volunteer>",
        status: "PENDING",
      },
    ],
    events: [
      {
        action: "participation.invited",
        keys: ["accessTokenId", "automatic", "consentFormId", "studyId"],
        data: {
          studyId: "<the study>",
          accessTokenId: "<the consent link>",
          consentFormId: "<the current form>",
          automatic,
        },
      },
    ],
  };
}

describe("an invitation", () => {
  it("is written the same by registration (automatic) and by inviting someone (by hand)", async () => {
    await setInvitationMode("AFTER_TRIAGE");
    const byHand = await participationOf(await registerPerson());
    expect(byHand.status).toBe("ELIGIBLE");
    await inviteParticipant(testDb(), { participationId: byHand.id, actor: { type: "SYSTEM" } });

    await setInvitationMode("AUTOMATIC");
    const automatic = await participationOf(await registerPerson());

    const written = {
      automatic: await invitationWrittenFor(automatic.id),
      byHand: await invitationWrittenFor(byHand.id),
    };
    expect(written.automatic).toEqual(expectedInvitation(true));
    expect(written.byHand).toEqual(expectedInvitation(false));

    // The same email, too, as far as both people see it alike.
    const subjects = await testDb().outgoingEmail.findMany({
      where: { participationId: { in: [automatic.id, byHand.id] } },
      select: { subject: true },
    });
    expect(new Set(subjects.map((s) => s.subject)).size).toBe(1);
  });

  it("needs a published consent form in both, whatever the study list given to registration says", async () => {
    const db = testDb();
    const study = await db.study.findUniqueOrThrow({ where: { slug: "interview-study" } });
    await setInvitationMode("AUTOMATIC");
    // The listing was read while a form was current; then the only published form is taken away, which
    // the immutability trigger forbids in real use, so that the study has a published information sheet
    // and no published consent form.
    const listed = await listRecruitingStudies();
    expect(listed.find((s) => s.id === study.id)?.currentConsentForm).not.toBeNull();
    await db.$executeRawUnsafe(`alter table consent_forms disable trigger consent_forms_published_immutable`);
    try {
      await db.consentForm.updateMany({ where: { studyId: study.id }, data: { publishedAt: null } });
    } finally {
      await db.$executeRawUnsafe(`alter table consent_forms enable trigger consent_forms_published_immutable`);
    }
    expect(await db.informationSheet.count({ where: { studyId: study.id, publishedAt: { not: null } } })).toBe(1);

    const answers = registrationSchema([
      { slug: "interview-study", kind: "INTERVIEW" },
      { slug: "workshops", kind: "WORKSHOP" },
    ]).parse({ ...validAnswers, email: "grace.hopper@nhs.net" });
    const outcome = await registerInterest(db, {
      answers,
      studies: listed,
      submissionKey: crypto.randomUUID(),
      privacyNoticeVersion: "1.0",
      publicUrl: "http://portal.test",
    });
    if (outcome.kind !== "stored") throw new Error("registration was not stored");
    const participation = await participationOf(outcome.volunteerId);
    expect(participation.status).toBe("ELIGIBLE");
    expect(participation.invitedAt).toBeNull();
    expect(await invitationWrittenFor(participation.id)).toMatchObject({ openConsentLinks: 0, emails: [], events: [] });

    await expect(
      inviteParticipant(db, { participationId: participation.id, actor: { type: "SYSTEM" } }),
    ).rejects.toThrow(/has no published consent form yet/);
  });
});
