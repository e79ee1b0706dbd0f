import { describe, expect, it } from "vitest";
import { formatUkDay, groupSlotsByUkDay, slotTimeLabel, ukSlotSpan } from "@/lib/interviews/slot-days";

describe("interview slots by UK day", () => {
  it("names the day as GOV.UK does, in UK time", () => {
    expect(formatUkDay(new Date("2027-03-09T10:00:00Z"))).toBe("Tuesday 9 March 2027");
    // 23:30 UTC in July is 00:30 the next morning in the UK.
    expect(formatUkDay(new Date("2027-07-01T23:30:00Z"))).toBe("Friday 2 July 2027");
  });

  it("labels a slot by its UK start and end", () => {
    expect(slotTimeLabel({ startsAt: new Date("2027-03-09T10:00:00Z"), durationMinutes: 30 })).toBe("10am to 10:30am");
    expect(slotTimeLabel({ startsAt: new Date("2027-07-01T11:30:00Z"), durationMinutes: 45 })).toBe(
      "12:30pm to 1:15pm",
    );
    expect(ukSlotSpan({ startsAt: new Date("2027-03-09T10:00:00Z"), durationMinutes: 30 })).toBe(
      "10am to 10:30am on Tuesday 9 March 2027 (UK time)",
    );
  });

  it("groups slots, earliest first, under the UK day they start on", () => {
    const slot = (iso: string, id: string) => ({ id, startsAt: new Date(iso), durationMinutes: 30 });
    const days = groupSlotsByUkDay([
      slot("2027-07-01T09:00:00Z", "a"),
      slot("2027-07-01T13:00:00Z", "b"),
      slot("2027-07-01T23:30:00Z", "c"),
      slot("2027-07-02T08:00:00Z", "d"),
    ]);
    expect(days.map((d) => [d.day, d.slots.map((s) => `${s.id} ${s.label}`)])).toEqual([
      ["Thursday 1 July 2027", ["a 10am to 10:30am", "b 2pm to 2:30pm"]],
      ["Friday 2 July 2027", ["c 12:30am to 1am", "d 9am to 9:30am"]],
    ]);
    expect(groupSlotsByUkDay([])).toEqual([]);
  });
});
