import { describe, expect, it } from "vitest";
import { MAX_REMINDERS, reminderDecision, type ReminderCandidate } from "@/lib/reminders/reminder-decision";
import { retentionDecision, type RetentionParticipation } from "@/lib/retention/retention-decision";

const DAY = 86_400_000;
const t0 = new Date("2026-03-02T09:00:00Z");
const day = (n: number) => new Date(t0.getTime() + n * DAY);

function invitation(overrides: Partial<ReminderCandidate> = {}): ReminderCandidate {
  return {
    status: "INVITED",
    eligibility: "ELIGIBLE",
    volunteerErased: false,
    studyRecruiting: true,
    reminderAfterDays: 7,
    invitedAt: t0,
    lastLinkSentAt: t0,
    lastReminderAt: null,
    remindersSent: 0,
    questionsRaisedAt: null,
    withdrawnAt: null,
    consented: false,
    ...overrides,
  };
}

describe("who is due a reminder, and which one", () => {
  it("sends the first after the interval since the invitation, not a moment before", () => {
    expect(reminderDecision(invitation(), day(6.99))).toEqual({ due: false, reason: "not-yet", dueAt: day(7) });
    expect(reminderDecision(invitation(), day(7))).toEqual({ due: true, reminderNumber: 1 });
  });

  it("sends the second the same interval after the first, and never a third", () => {
    const afterFirst = invitation({ remindersSent: 1, lastReminderAt: day(7), lastLinkSentAt: day(7) });
    expect(reminderDecision(afterFirst, day(13))).toMatchObject({ due: false, reason: "not-yet" });
    expect(reminderDecision(afterFirst, day(14))).toEqual({ due: true, reminderNumber: 2 });
    const afterSecond = invitation({ remindersSent: MAX_REMINDERS, lastReminderAt: day(14), lastLinkSentAt: day(14) });
    expect(reminderDecision(afterSecond, day(365))).toEqual({ due: false, reason: "all-sent" });
  });

  it("counts the interval from a link a researcher re-sent since", () => {
    expect(reminderDecision(invitation({ lastLinkSentAt: day(5) }), day(8))).toMatchObject({
      due: false,
      dueAt: day(12),
    });
    expect(reminderDecision(invitation({ lastLinkSentAt: day(5) }), day(12))).toEqual({ due: true, reminderNumber: 1 });
  });

  it("follows the study's interval, and sends none where the study has none", () => {
    expect(reminderDecision(invitation({ reminderAfterDays: 3 }), day(3))).toEqual({ due: true, reminderNumber: 1 });
    expect(reminderDecision(invitation({ reminderAfterDays: null }), day(100))).toEqual({
      due: false,
      reason: "reminders-off",
    });
  });

  it("never reminds someone who answered, withdrew, asked to talk, was erased or can no longer sign", () => {
    const late = day(30);
    for (const status of ["CONSENTED", "DECLINED", "WITHDRAWN", "SCHEDULED", "COMPLETED", "ELIGIBLE", "INELIGIBLE"]) {
      expect(reminderDecision(invitation({ status }), late)).toEqual({
        due: false,
        reason: "not-waiting-for-an-answer",
      });
    }
    for (const overrides of [
      { withdrawnAt: day(1) },
      { questionsRaisedAt: day(1) },
      { volunteerErased: true },
      { consented: true },
      { eligibility: "INELIGIBLE" as const },
      { studyRecruiting: false },
      { invitedAt: null, lastLinkSentAt: null },
    ]) {
      expect(reminderDecision(invitation(overrides), late), JSON.stringify(overrides)).toEqual({
        due: false,
        reason: "not-waiting-for-an-answer",
      });
    }
  });
});

function participation(overrides: Partial<RetentionParticipation> = {}): RetentionParticipation {
  return {
    id: "p1",
    studyId: "s1",
    status: "INELIGIBLE",
    retentionDays: 365,
    lastActivityAt: t0,
    consented: false,
    withdrawal: null,
    ...overrides,
  };
}

const removed = (at: Date) => ({ dataChoice: "REMOVE" as const, withdrawnAt: at });

describe("who is due retention", () => {
  it("anonymises someone found ineligible once the study's period has passed since they last registered, not before", () => {
    expect(retentionDecision({ erased: false, participations: [participation()] }, day(364))).toEqual({ due: false });
    expect(retentionDecision({ erased: false, participations: [participation()] }, day(365))).toEqual({
      due: true,
      participations: [{ id: "p1", studyId: "s1", reason: "ineligible" }],
    });
  });

  it("anonymises someone who withdrew asking for removal, counting from the withdrawal", () => {
    const p = participation({
      status: "WITHDRAWN",
      consented: true,
      lastActivityAt: day(-500),
      withdrawal: removed(day(10)),
      retentionDays: 30,
    });
    expect(retentionDecision({ erased: false, participations: [p] }, day(39))).toEqual({ due: false });
    expect(retentionDecision({ erased: false, participations: [p] }, day(40))).toEqual({
      due: true,
      participations: [{ id: "p1", studyId: "s1", reason: "withdrawn_with_removal" }],
    });
  });

  it("keeps people who withdrew keeping their data, consented, declined, or are still in a study", () => {
    const late = day(5000);
    for (const p of [
      participation({ status: "WITHDRAWN", withdrawal: { dataChoice: "KEEP", withdrawnAt: t0 } }),
      participation({ status: "CONSENTED", consented: true }),
      participation({ status: "DECLINED" }),
      participation({ status: "INVITED" }),
      participation({ status: "ELIGIBLE" }),
      participation({ status: "INELIGIBLE", consented: true }),
      participation({ retentionDays: null }),
    ]) {
      expect(retentionDecision({ erased: false, participations: [p] }, late), p.status).toEqual({ due: false });
    }
  });

  it("anonymises a person only when every one of their studies is done with them", () => {
    const ineligible = participation({ id: "a", studyId: "interview" });
    const consented = participation({ id: "b", studyId: "workshops", status: "CONSENTED", consented: true });
    expect(retentionDecision({ erased: false, participations: [ineligible, consented] }, day(1000))).toEqual({
      due: false,
    });

    const withdrawnLater = participation({
      id: "b",
      studyId: "workshops",
      status: "WITHDRAWN",
      consented: true,
      withdrawal: removed(day(300)),
    });
    expect(retentionDecision({ erased: false, participations: [ineligible, withdrawnLater] }, day(400))).toEqual({
      due: false,
    });
    expect(retentionDecision({ erased: false, participations: [ineligible, withdrawnLater] }, day(665))).toEqual({
      due: true,
      participations: [
        { id: "a", studyId: "interview", reason: "ineligible" },
        { id: "b", studyId: "workshops", reason: "withdrawn_with_removal" },
      ],
    });
  });

  it("does nothing to someone already erased or with no study at all", () => {
    expect(retentionDecision({ erased: true, participations: [participation()] }, day(1000))).toEqual({ due: false });
    expect(retentionDecision({ erased: false, participations: [] }, day(1000))).toEqual({ due: false });
  });
});
