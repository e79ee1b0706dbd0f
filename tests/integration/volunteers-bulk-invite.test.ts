import { beforeEach, describe, expect, it } from "vitest";
import { bulkInviteSchema, inviteVolunteers, StudyNotFoundError } from "@/lib/volunteers/invite-volunteers";
import type { Researcher } from "@/lib/auth/researcher-session";
import { seedDatabase } from "@/lib/db/seed";
import { participationOf, registerPerson } from "./support/participants";
import { testDb } from "./support/test-db";
import { makeResearcher } from "./support/volunteers";

let researcher: Researcher;
let interviewStudyId: string;

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
  researcher = await makeResearcher();
  interviewStudyId = (await testDb().study.findUniqueOrThrow({ where: { slug: "interview-study" } })).id;
});

/** Registers someone eligible for both studies; returns their interview participation id. */
async function eligiblePerson(fullName: string): Promise<{ volunteerId: string; participationId: string }> {
  const volunteerId = await registerPerson({ fullName });
  return { volunteerId, participationId: (await participationOf(volunteerId)).id };
}

async function invitationsTo(volunteerId: string) {
  return testDb().outgoingEmail.count({ where: { volunteerId, template: "invitation" } });
}

describe("inviting selected volunteers", () => {
  it("invites each eligible person, as the researcher, with an email and an audit event each", async () => {
    const ada = await eligiblePerson("Ada Lovelace");
    const grace = await eligiblePerson("Grace Hopper");

    const result = await inviteVolunteers(testDb(), researcher, {
      studyId: interviewStudyId,
      participationIds: [ada.participationId, grace.participationId],
    });

    expect(result.studyTitle).toBe("Interview study");
    expect(result.invited.map((i) => i.fullName).sort()).toEqual(["Ada Lovelace", "Grace Hopper"]);
    expect(result.notInvited).toEqual([]);
    for (const person of [ada, grace]) {
      expect(await participationOf(person.volunteerId)).toMatchObject({
        status: "INVITED",
        invitedAt: expect.any(Date),
      });
      expect(await invitationsTo(person.volunteerId)).toBe(1);
      // Only the study asked for: their workshop participation is untouched.
      expect((await participationOf(person.volunteerId, "workshops")).status).toBe("ELIGIBLE");
    }
    const events = await testDb().auditEvent.findMany({ where: { action: "participation.invited" } });
    expect(events.map((e) => [e.actorType, e.actorId, e.subjectId]).sort()).toEqual(
      [
        ["RESEARCHER", researcher.id, ada.participationId],
        ["RESEARCHER", researcher.id, grace.participationId],
      ].sort(),
    );
  });

  it("refuses, with reasons, whoever cannot be invited, and still invites the rest", async () => {
    const db = testDb();
    const eligible = await eligiblePerson("Ada Lovelace");
    const already = await eligiblePerson("Grace Hopper");
    await inviteVolunteers(db, researcher, { studyId: interviewStudyId, participationIds: [already.participationId] });
    const ineligibleId = await registerPerson({ fullName: "Mary Seacole", introducedLearning: "no" });
    const ineligible = await participationOf(ineligibleId);
    const otherStudy = await eligiblePerson("Florence Nightingale");
    const workshopParticipation = await participationOf(otherStudy.volunteerId, "workshops");
    const erased = await eligiblePerson("Erased Person");
    await db.volunteer.update({ where: { id: erased.volunteerId }, data: { erasedAt: new Date() } });
    const missing = crypto.randomUUID();
    const eventsBefore = await db.auditEvent.count();

    const result = await inviteVolunteers(db, researcher, {
      studyId: interviewStudyId,
      participationIds: [
        already.participationId,
        ineligible.id,
        workshopParticipation.id,
        missing,
        erased.participationId,
        eligible.participationId,
        eligible.participationId,
      ],
    });

    expect(result.invited.map((i) => i.fullName)).toEqual(["Ada Lovelace"]);
    expect(result.notInvited.map((n) => [n.fullName, n.reason])).toEqual([
      ["Grace Hopper", "Already invited. To send a new link, use the volunteer's own page."],
      ["Mary Seacole", "Only eligible people can be invited. Override their eligibility first, giving a reason."],
      ["Florence Nightingale", "This person has not registered for Interview study."],
      [null, "There is no such volunteer registration."],
      ["Erased Person", "This person's details have been erased, so they cannot be invited."],
    ]);
    // Nothing happened to anyone refused: no second link, no invitation to the other study, no events.
    expect(await invitationsTo(already.volunteerId)).toBe(1);
    expect(await invitationsTo(otherStudy.volunteerId)).toBe(0);
    expect((await participationOf(otherStudy.volunteerId, "workshops")).status).toBe("ELIGIBLE");
    expect((await participationOf(ineligibleId)).status).toBe("INELIGIBLE");
    expect((await participationOf(erased.volunteerId)).status).toBe("ELIGIBLE");
    expect(await invitationsTo(eligible.volunteerId)).toBe(1);
    expect(await db.auditEvent.count()).toBe(eventsBefore + 1);
  });

  it("refuses everyone when the study is not recruiting", async () => {
    const ada = await eligiblePerson("Ada Lovelace");
    await testDb().study.update({ where: { id: interviewStudyId }, data: { status: "CLOSED" } });
    const result = await inviteVolunteers(testDb(), researcher, {
      studyId: interviewStudyId,
      participationIds: [ada.participationId],
    });
    expect(result.invited).toEqual([]);
    expect(result.notInvited.map((n) => n.reason)).toEqual([
      "Interview study is not recruiting, so no one can be invited.",
    ]);
    expect((await participationOf(ada.volunteerId)).status).toBe("ELIGIBLE");
  });

  it("sends one invitation when two researchers invite the same person at the same moment", async () => {
    const ada = await eligiblePerson("Ada Lovelace");
    const other = await makeResearcher();
    const input = { studyId: interviewStudyId, participationIds: [ada.participationId] };
    const results = await Promise.all([
      inviteVolunteers(testDb(), researcher, input),
      inviteVolunteers(testDb(), other, input),
    ]);
    expect(results.map((r) => r.invited.length).sort()).toEqual([0, 1]);
    expect(await invitationsTo(ada.volunteerId)).toBe(1);
    expect(
      await testDb().accessToken.count({ where: { participationId: ada.participationId, purpose: "CONSENT" } }),
    ).toBe(1);
  });

  it("refuses a study that does not exist", async () => {
    const ada = await eligiblePerson("Ada Lovelace");
    await expect(
      inviteVolunteers(testDb(), researcher, { studyId: crypto.randomUUID(), participationIds: [ada.participationId] }),
    ).rejects.toThrow(StudyNotFoundError);
    expect((await participationOf(ada.volunteerId)).status).toBe("ELIGIBLE");
  });

  it("takes only a study id and participation ids from the form", () => {
    const id = crypto.randomUUID();
    expect(bulkInviteSchema.safeParse({ studyId: id, participationIds: [id] }).success).toBe(true);
    expect(bulkInviteSchema.safeParse({ studyId: id, participationIds: [] }).error?.issues[0]?.message).toBe(
      "Select at least one volunteer to invite",
    );
    expect(bulkInviteSchema.safeParse({ studyId: id, participationIds: ["1 or 1=1"] }).success).toBe(false);
    expect(bulkInviteSchema.safeParse({ studyId: "interview-study", participationIds: [id] }).success).toBe(false);
    expect(
      bulkInviteSchema.safeParse({ studyId: id, participationIds: Array.from({ length: 101 }, () => id) }).success,
    ).toBe(false);
  });
});
