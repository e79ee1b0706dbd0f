import { describe, expect, it } from "vitest";
import { ParticipationStatus } from "@/lib/generated/prisma/enums";
import {
  MOVES,
  PARTICIPATION_STATUSES,
  arrangement,
  canAskToReconsent,
  canAssignWorkshop,
  canBookInterview,
  canInvite,
  canMove,
  canRescheduleInterview,
  canWithdraw,
  isFirstInvitation,
  isTakingPart,
  mayAssignWorkshop,
  mayBookInterview,
  statusAfterSigning,
} from "@/lib/participation/status";
import { statusForParticipant, statusForResearchers, eligibilityLabel } from "@/lib/participation/status-words";

type S = ParticipationStatus;

/**
 * Every status against every named check, written out by hand: a change to the lifecycle has to change
 * this table too, on purpose.
 */
// prettier-ignore
const expected: Record<
  S,
  {
    takingPart: boolean;
    invite: boolean;
    first: boolean;
    book: boolean;
    reschedule: boolean;
    workshop: boolean;
    withdraw: boolean;
    afterSigning: S;
  }
> = {
  INTERESTED: { takingPart: false, invite: false, first: false, book: false, reschedule: false, workshop: false, withdraw: true, afterSigning: "INTERESTED" },
  INELIGIBLE: { takingPart: false, invite: false, first: false, book: false, reschedule: false, workshop: false, withdraw: true, afterSigning: "INELIGIBLE" },
  ELIGIBLE: { takingPart: false, invite: true, first: true, book: false, reschedule: false, workshop: false, withdraw: true, afterSigning: "CONSENTED" },
  INVITED: { takingPart: false, invite: true, first: false, book: false, reschedule: false, workshop: false, withdraw: true, afterSigning: "CONSENTED" },
  CONSENTED: { takingPart: true, invite: false, first: false, book: true, reschedule: false, workshop: true, withdraw: true, afterSigning: "CONSENTED" },
  DECLINED: { takingPart: false, invite: false, first: false, book: false, reschedule: false, workshop: false, withdraw: true, afterSigning: "DECLINED" },
  SCHEDULED: { takingPart: true, invite: false, first: false, book: true, reschedule: true, workshop: true, withdraw: true, afterSigning: "SCHEDULED" },
  COMPLETED: { takingPart: true, invite: false, first: false, book: false, reschedule: false, workshop: false, withdraw: true, afterSigning: "COMPLETED" },
  WITHDRAWN: { takingPart: false, invite: false, first: false, book: false, reschedule: false, workshop: false, withdraw: false, afterSigning: "WITHDRAWN" },
  WAITLISTED: { takingPart: true, invite: false, first: false, book: false, reschedule: false, workshop: true, withdraw: true, afterSigning: "WAITLISTED" },
};

describe("the participation lifecycle", () => {
  it("names exactly the statuses the database has, in the schema's order", () => {
    expect(PARTICIPATION_STATUSES).toEqual(Object.values(ParticipationStatus));
  });

  it.each(PARTICIPATION_STATUSES)("answers every named check as written down for %s", (status) => {
    const e = expected[status];
    expect(isTakingPart(status)).toBe(e.takingPart);
    expect(canAskToReconsent(status)).toBe(e.takingPart);
    expect(canInvite(status)).toBe(e.invite);
    expect(isFirstInvitation(status)).toBe(e.first);
    expect(canBookInterview(status)).toBe(e.book);
    expect(canRescheduleInterview(status)).toBe(e.reschedule);
    expect(canAssignWorkshop(status)).toBe(e.workshop);
    expect(canWithdraw(status)).toBe(e.withdraw);
    expect(statusAfterSigning(status)).toBe(e.afterSigning);
  });

  it("allows only moves between real statuses, never to the same status", () => {
    for (const from of PARTICIPATION_STATUSES) {
      for (const to of MOVES[from]) {
        expect(PARTICIPATION_STATUSES).toContain(to);
        expect(to).not.toBe(from);
      }
      expect(new Set(MOVES[from]).size).toBe(MOVES[from].length);
    }
  });

  it("walks every move: canMove agrees with the table in both directions", () => {
    let allowed = 0;
    for (const from of PARTICIPATION_STATUSES)
      for (const to of PARTICIPATION_STATUSES) {
        expect(canMove(from, to)).toBe(MOVES[from].includes(to));
        if (canMove(from, to)) allowed += 1;
      }
    expect(allowed).toBe(PARTICIPATION_STATUSES.reduce((n, s) => n + MOVES[s].length, 0));
  });

  it("ends only at WITHDRAWN, which everyone else can reach in one move", () => {
    expect(MOVES.WITHDRAWN).toEqual([]);
    for (const s of PARTICIPATION_STATUSES.filter((x) => x !== "WITHDRAWN")) expect(canMove(s, "WITHDRAWN")).toBe(true);
  });

  it("reaches every status from where registration puts people", () => {
    const seen = new Set<S>(["INTERESTED", "ELIGIBLE", "INELIGIBLE"]);
    const queue = [...seen];
    for (let from = queue.shift(); from; from = queue.shift())
      for (const to of MOVES[from])
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
    expect([...seen].sort()).toEqual([...PARTICIPATION_STATUSES].sort());
  });

  it("has a move for every change a check implies", () => {
    for (const s of PARTICIPATION_STATUSES) {
      if (statusAfterSigning(s) !== s) expect(canMove(s, statusAfterSigning(s))).toBe(true);
      if (isFirstInvitation(s)) expect(canMove(s, "INVITED")).toBe(true);
      if (canBookInterview(s) && s !== "SCHEDULED") expect(canMove(s, "SCHEDULED")).toBe(true);
      if (canAssignWorkshop(s)) {
        if (s !== "SCHEDULED") expect(canMove(s, "SCHEDULED")).toBe(true);
        if (s !== "WAITLISTED") expect(canMove(s, "WAITLISTED")).toBe(true);
      }
      if (canRescheduleInterview(s)) expect(canMove(s, "COMPLETED")).toBe(true);
    }
  });
});

describe("what a page offers for arranging", () => {
  it("needs the current consent signed and the person's details kept, for an interview and a place alike", () => {
    for (const status of PARTICIPATION_STATUSES) {
      const signed = { status, signedCurrentConsent: true, erased: false };
      expect(mayBookInterview(signed)).toBe(canBookInterview(status));
      expect(mayAssignWorkshop(signed)).toBe(canAssignWorkshop(status));
      for (const not of [
        { ...signed, signedCurrentConsent: false },
        { ...signed, erased: true },
      ]) {
        expect(mayBookInterview(not)).toBe(false);
        expect(mayAssignWorkshop(not)).toBe(false);
      }
    }
  });

  it("links to arranging once they take part, says 'after consent' while invited, and nothing otherwise", () => {
    const offered = Object.fromEntries(
      PARTICIPATION_STATUSES.map((status) => [status, arrangement({ status, erased: false })]),
    );
    expect(offered).toEqual({
      INTERESTED: "none",
      INELIGIBLE: "none",
      ELIGIBLE: "after-consent",
      INVITED: "after-consent",
      CONSENTED: "arrange",
      DECLINED: "none",
      SCHEDULED: "arrange",
      COMPLETED: "arrange",
      WITHDRAWN: "none",
      WAITLISTED: "arrange",
    });
    for (const status of PARTICIPATION_STATUSES) expect(arrangement({ status, erased: true })).toBe("none");
  });
});

describe("the words for each status", () => {
  it("give the study team a different label for every status", () => {
    const labels = PARTICIPATION_STATUSES.map((s) => statusForResearchers[s].label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/^[A-Z][a-z ]+$/);
  });

  it("give the participant a tag for every status, grey once nothing more will happen", () => {
    for (const s of PARTICIPATION_STATUSES) {
      expect(statusForParticipant[s].tag.length).toBeGreaterThan(0);
      expect(statusForParticipant[s].colour).toBe(
        ["INELIGIBLE", "DECLINED", "WITHDRAWN"].includes(s) ? "grey" : "blue",
      );
    }
  });

  it("say an eligibility was overridden only when the override changed it", () => {
    expect(eligibilityLabel("ELIGIBLE", null)).toBe("Eligible");
    expect(eligibilityLabel("INELIGIBLE", null)).toBe("Not eligible");
    expect(eligibilityLabel("INELIGIBLE", "ELIGIBLE")).toBe("Eligible (overridden)");
    expect(eligibilityLabel("ELIGIBLE", "INELIGIBLE")).toBe("Not eligible (overridden)");
    expect(eligibilityLabel("ELIGIBLE", "ELIGIBLE")).toBe("Eligible");
  });
});
