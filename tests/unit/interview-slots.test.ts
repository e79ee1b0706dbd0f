import { describe, expect, it } from "vitest";
import { firstErrorPerField } from "@/lib/forms/form-state";
import { expandSlotPattern, slotPatternFormSchema, type SlotPattern } from "@/lib/interviews/slot-pattern";
import { afterCutoffMessage, mayChangeOwnInterview, overlappingSlots, slotsOverlap } from "@/lib/interviews/slot-rules";

const TEAMS = "https://teams.microsoft.com/l/meetup-join/abc";

function pattern(overrides: Partial<SlotPattern> = {}): SlotPattern {
  return {
    daysOfWeek: [1, 3],
    from: { year: 2027, month: 3, day: 22 },
    to: { year: 2027, month: 4, day: 2 },
    startTimes: [{ hour: 10, minute: 0 }],
    durationMinutes: 30,
    gapMinutes: 0,
    ...overrides,
  };
}

function starts(result: ReturnType<typeof expandSlotPattern>): string[] {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.startsAt.map((d) => d.toISOString());
}

describe("expanding a pattern of interview slots", () => {
  it("gives each chosen weekday in the dates, in UK time either side of the clocks going forward", () => {
    // The clocks go forward on Sunday 28 March 2027: 10am is 10:00 UTC before and 09:00 UTC after.
    expect(starts(expandSlotPattern(pattern()))).toEqual([
      "2027-03-22T10:00:00.000Z",
      "2027-03-24T10:00:00.000Z",
      "2027-03-29T09:00:00.000Z",
      "2027-03-31T09:00:00.000Z",
    ]);
  });

  it("and either side of the clocks going back", () => {
    const result = expandSlotPattern(
      pattern({
        daysOfWeek: [6, 7, 1],
        from: { year: 2027, month: 10, day: 30 },
        to: { year: 2027, month: 11, day: 1 },
      }),
    );
    expect(starts(result)).toEqual([
      "2027-10-30T09:00:00.000Z",
      "2027-10-31T10:00:00.000Z",
      "2027-11-01T10:00:00.000Z",
    ]);
  });

  it("fills a window of the day with slots a gap apart, each ending by the window's end", () => {
    const result = expandSlotPattern(
      pattern({
        daysOfWeek: [1],
        from: { year: 2027, month: 7, day: 5 },
        to: { year: 2027, month: 7, day: 5 },
        startTimes: undefined,
        window: { start: { hour: 9, minute: 0 }, end: { hour: 11, minute: 0 } },
        durationMinutes: 30,
        gapMinutes: 15,
      }),
    );
    // 09:00, 09:45, 10:30 in BST; 11:15 would end after 11:00.
    expect(starts(result)).toEqual([
      "2027-07-05T08:00:00.000Z",
      "2027-07-05T08:45:00.000Z",
      "2027-07-05T09:30:00.000Z",
    ]);
  });

  it("leaves out a start the clocks skip", () => {
    const result = expandSlotPattern(
      pattern({
        daysOfWeek: [7],
        from: { year: 2027, month: 3, day: 28 },
        to: { year: 2027, month: 3, day: 28 },
        startTimes: [
          { hour: 1, minute: 30 },
          { hour: 9, minute: 0 },
        ],
      }),
    );
    expect(starts(result)).toEqual(["2027-03-28T08:00:00.000Z"]);
  });

  it("refuses what cannot be used, in plain English", () => {
    const result = expandSlotPattern(
      pattern({
        daysOfWeek: [],
        from: { year: 2027, month: 5, day: 2 },
        to: { year: 2027, month: 5, day: 1 },
        durationMinutes: 50,
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(["days", "to", "duration"]);
  });

  it("refuses start times closer together than an interview", () => {
    const result = expandSlotPattern(
      pattern({
        startTimes: [
          { hour: 10, minute: 0 },
          { hour: 10, minute: 20 },
        ],
      }),
    );
    expect(result.ok ? null : result.problems[0]!.field).toBe("times");
  });

  it("refuses more than 200 slots at once", () => {
    const result = expandSlotPattern(
      pattern({
        daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
        from: { year: 2027, month: 1, day: 1 },
        to: { year: 2027, month: 12, day: 31 },
      }),
    );
    expect(result.ok ? null : result.problems[0]!.message).toBe(
      "That makes 365 slots: publish no more than 200 at a time",
    );
  });
});

describe("the publish slots form", () => {
  const valid = {
    days: ["1"],
    fromDay: "5",
    fromMonth: "7",
    fromYear: "2027",
    toDay: "12",
    toMonth: "7",
    toYear: "2027",
    times: "09:30, 14:00",
    meetingLink: TEAMS,
  };

  it("takes 30 minutes and no interviewer unless told", () => {
    const form = slotPatternFormSchema.parse(valid);
    expect(form.durationMinutes).toBe(30);
    expect(form.interviewerId).toBeNull();
    expect(form.startsAt.map((d) => d.toISOString())).toEqual([
      "2027-07-05T08:30:00.000Z",
      "2027-07-05T13:00:00.000Z",
      "2027-07-12T08:30:00.000Z",
      "2027-07-12T13:00:00.000Z",
    ]);
  });

  it("says what is wrong by field", () => {
    const result = slotPatternFormSchema.safeParse({
      ...valid,
      fromDay: "31",
      fromMonth: "2",
      times: "9am, 25:00",
      meetingLink: "",
    });
    expect(firstErrorPerField(result.error!)).toEqual({
      from: "Enter the first date as a real date, for example 27 3 2027",
      times: "Enter each start time in 24-hour time, for example 09:30, 14:00",
      meetingLink: "Enter the Microsoft Teams link for the interview",
    });
  });

  it("takes one date with no day ticked as that date's own day: one time", () => {
    const form = slotPatternFormSchema.parse({
      ...valid,
      days: [],
      fromDay: "6",
      fromMonth: "7",
      fromYear: "2027",
      toDay: "6",
      toMonth: "7",
      toYear: "2027",
      times: "10:00",
      windowStart: "",
      windowEnd: "",
    });
    expect(form.startsAt.map((d) => d.toISOString())).toEqual(["2027-07-06T09:00:00.000Z"]);
  });

  it("points a pattern's problems at the form's fields", () => {
    const result = slotPatternFormSchema.safeParse({ ...valid, days: [], duration: "90" });
    expect(firstErrorPerField(result.error!)).toEqual({
      days: "Choose at least one day of the week",
      duration: "Enter a length between 30 and 35 minutes",
    });
  });
});

describe("the participant's cut-off and overlapping slots", () => {
  const startsAt = new Date("2027-07-05T09:00:00Z");

  it("closes changes the study's hours before the start", () => {
    expect(mayChangeOwnInterview(startsAt, 24, new Date("2027-07-04T08:59:00Z"))).toBe(true);
    expect(mayChangeOwnInterview(startsAt, 24, new Date("2027-07-04T09:00:00Z"))).toBe(false);
    expect(mayChangeOwnInterview(startsAt, 0, new Date("2027-07-05T08:59:00Z"))).toBe(true);
  });

  it("names the study contact after the cut-off", () => {
    expect(
      afterCutoffMessage({
        interviewBookingCutoffHours: 24,
        contactName: "Dr Jo Bloggs",
        contactEmail: "jo@imperial.ac.uk",
      }),
    ).toBe(
      "Your interview is less than 24 hours away, so it can no longer be changed here. To move or cancel it, contact Dr Jo Bloggs at jo@imperial.ac.uk.",
    );
  });

  it("counts slots that share any time as overlapping, and back-to-back ones as not", () => {
    const at = (iso: string) => ({ startsAt: new Date(iso), durationMinutes: 30 });
    expect(slotsOverlap(at("2027-07-05T09:00:00Z"), at("2027-07-05T09:29:00Z"))).toBe(true);
    expect(slotsOverlap(at("2027-07-05T09:00:00Z"), at("2027-07-05T09:30:00Z"))).toBe(false);
    const proposed = [at("2027-07-05T10:00:00Z"), at("2027-07-05T11:00:00Z")];
    expect(overlappingSlots(proposed, [at("2027-07-05T10:15:00Z")])).toEqual([proposed[0]]);
  });
});
