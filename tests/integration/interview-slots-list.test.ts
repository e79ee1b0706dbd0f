import { beforeEach, describe, expect, it } from "vitest";
import { bookInterviewSlot } from "@/lib/interviews/book-interview-slot";
import { cancelInterview } from "@/lib/interviews/cancel-interview";
import { publishInterviewSlots, withdrawInterviewSlot } from "@/lib/interviews/interview-slots";
import { findInterviewSlot, listInterviewers, listInterviewSlots } from "@/lib/interviews/list-interview-slots";
import { loadInterviewPage } from "@/lib/interviews/load-interview-page";
import { seedDatabase } from "@/lib/db/seed";
import { aResearcher, consentedPerson } from "./support/scheduling";
import { testDb } from "./support/test-db";

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

const TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_list%40thread.v2/0";
const HOUR = 3_600_000;

function daysAhead(days: number, hourUtc: number): Date {
  const d = new Date(Date.now() + days * 24 * HOUR);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
}

describe("the team's list of interview slots", () => {
  it("groups a study's slots by UK day with their state and who booked them", async () => {
    const researcher = await aResearcher();
    const study = await testDb().study.findUniqueOrThrow({ where: { slug: "interview-study" } });
    const starts = [daysAhead(3, 9), daysAhead(3, 13), daysAhead(4, 9), daysAhead(4, 13)];
    const { slotIds } = await publishInterviewSlots(testDb(), researcher, {
      studyId: study.id,
      startsAt: starts,
      durationMinutes: 30,
      interviewerId: researcher.id,
      meetingLink: TEAMS,
    });
    const [first, second] = slotIds;
    const person = await consentedPerson();
    await bookInterviewSlot(testDb(), { type: "RESEARCHER", researcher }, { ...person, slotId: first! });
    await withdrawInterviewSlot(testDb(), researcher, { slotId: second! });

    const view = await listInterviewSlots(testDb(), researcher, { studySlug: "interview-study" });
    expect(view?.study.slug).toBe("interview-study");
    expect(view!.days).toHaveLength(2);
    expect(view!.days.map((d) => d.slots.length)).toEqual([2, 2]);
    expect(view!.days[0]!.key < view!.days[1]!.key).toBe(true);
    expect(view!.days[0]!.label).toMatch(
      /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ \d{4}$/,
    );
    const all = view!.days.flatMap((d) => d.slots);
    expect(all.map((s) => s.id)).toEqual(slotIds);
    expect(all.map((s) => s.state)).toEqual(["BOOKED", "WITHDRAWN", "OPEN", "OPEN"]);
    expect(all[0]!.bookedBy).toEqual({ volunteerId: person.volunteerId, fullName: expect.any(String) });
    expect(all[0]!.interviewerName).toBe(researcher.name);
    expect(view!.counts).toEqual({ OPEN: 2, BOOKED: 1, WITHDRAWN: 1, PAST: 0 });

    // The team's cancellation frees the slot (the database's trigger), so it is on offer again.
    const interview = await testDb().interview.findFirstOrThrow({ where: { participationId: person.participationId } });
    await cancelInterview(testDb(), researcher, { ...person, interviewId: interview.id });
    const after = await listInterviewSlots(testDb(), researcher, { studySlug: "interview-study" });
    expect(after!.days[0]!.slots[0]!.state).toBe("OPEN");
    expect(after!.days[0]!.slots[0]!.bookedBy).toBeNull();
  });

  it("marks unbooked slots that have started as past, and leaves out those before `from`", async () => {
    const researcher = await aResearcher();
    const study = await testDb().study.findUniqueOrThrow({ where: { slug: "interview-study" } });
    const { slotIds } = await publishInterviewSlots(testDb(), researcher, {
      studyId: study.id,
      startsAt: [daysAhead(2, 10), daysAhead(5, 10)],
      durationMinutes: 30,
      interviewerId: null,
      meetingLink: TEAMS,
    });
    const later = new Date(daysAhead(3, 10));
    const seen = await listInterviewSlots(testDb(), researcher, { studySlug: "interview-study" }, later);
    expect(seen!.days.flatMap((d) => d.slots).map((s) => [s.state, s.past])).toEqual([
      ["PAST", true],
      ["OPEN", false],
    ]);
    const fromLater = await listInterviewSlots(
      testDb(),
      researcher,
      { studySlug: "interview-study", from: later },
      later,
    );
    expect(fromLater!.days.flatMap((d) => d.slots).map((s) => s.id)).toEqual([slotIds[1]]);
  });

  it("is null for a study of workshops, an unknown study and a malformed slug", async () => {
    const researcher = await aResearcher();
    expect(await listInterviewSlots(testDb(), researcher, { studySlug: "workshops" })).toBeNull();
    expect(await listInterviewSlots(testDb(), researcher, { studySlug: "no-such-study" })).toBeNull();
    expect(await listInterviewSlots(testDb(), researcher, { studySlug: "../Bad slug" })).toBeNull();
  });

  it("offers active researchers as interviewers, not disabled ones", async () => {
    const researcher = await aResearcher();
    const gone = await aResearcher();
    await testDb().researcher.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    const ids = (await listInterviewers(testDb(), researcher)).map((r) => r.id);
    expect(ids).toContain(researcher.id);
    expect(ids).not.toContain(gone.id);
  });

  it("finds one slot only in its own study, and offers the open ones on the volunteer's interview page", async () => {
    const researcher = await aResearcher();
    const study = await testDb().study.findUniqueOrThrow({ where: { slug: "interview-study" } });
    const { slotIds } = await publishInterviewSlots(testDb(), researcher, {
      studyId: study.id,
      startsAt: [daysAhead(2, 10), daysAhead(2, 11)],
      durationMinutes: 30,
      interviewerId: null,
      meetingLink: TEAMS,
    });
    const found = await findInterviewSlot(testDb(), researcher, { studySlug: "interview-study", slotId: slotIds[1]! });
    expect(found?.slot).toMatchObject({ id: slotIds[1], state: "OPEN" });
    expect(await findInterviewSlot(testDb(), researcher, { studySlug: "workshops", slotId: slotIds[1]! })).toBeNull();
    expect(await findInterviewSlot(testDb(), researcher, { studySlug: "interview-study", slotId: "nope" })).toBeNull();

    const person = await consentedPerson();
    await withdrawInterviewSlot(testDb(), researcher, { slotId: slotIds[0]! });
    const page = await loadInterviewPage(testDb(), researcher, { volunteerId: person.volunteerId });
    expect(page?.openSlots.map((s) => s.id)).toEqual([slotIds[1]]);
  });
});
