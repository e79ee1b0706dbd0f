import { describe, expect, it } from "vitest";
import { hoursWords, reminderWords, retentionWords, targetWords } from "@/lib/studies/study-words";
import { endOfUkDay, formatUkSpreadsheetDateTime, isIsoDay, startOfUkDay, ukIsoDay } from "@/lib/text/uk-day";

describe("UK days", () => {
  it("start at midnight in London, which is 23:00 UTC the day before in summer", () => {
    expect(startOfUkDay("2026-07-01").toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(endOfUkDay("2026-07-01").toISOString()).toBe("2026-07-01T23:00:00.000Z");
    expect(startOfUkDay("2026-11-26").toISOString()).toBe("2026-11-26T00:00:00.000Z");
  });

  it("are 23 and 25 hours long when the clocks change", () => {
    expect(endOfUkDay("2026-03-29").getTime() - startOfUkDay("2026-03-29").getTime()).toBe(23 * 3_600_000);
    expect(endOfUkDay("2026-10-25").getTime() - startOfUkDay("2026-10-25").getTime()).toBe(25 * 3_600_000);
  });

  it("accept only real calendar days", () => {
    expect(isIsoDay("2026-02-28")).toBe(true);
    expect(isIsoDay("2028-02-29")).toBe(true);
    for (const text of ["2026-02-29", "2026-13-01", "26-11-2026", "2026-1-1", "", "2026-11-26T00:00"])
      expect(isIsoDay(text)).toBe(false);
    expect(() => startOfUkDay("2026-02-30")).toThrow(RangeError);
  });

  it("name the UK day of an instant, and write it as a UK spreadsheet reads it", () => {
    expect(ukIsoDay(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(formatUkSpreadsheetDateTime(new Date("2026-06-30T23:30:05Z"))).toBe("01/07/2026 00:30:05");
    expect(formatUkSpreadsheetDateTime(new Date("2026-12-01T14:05:00Z"))).toBe("01/12/2026 14:05:00");
  });
});

describe("study settings in words", () => {
  it("says the target, the time to consider and the retention period plainly", () => {
    expect(targetWords(12, 15)).toBe("12 to 15 participants");
    expect(targetWords(null, 15)).toBe("Up to 15 participants");
    expect(targetWords(12, 12)).toBe("12 participants");
    expect(targetWords(null, null)).toBe("No target set");
    expect(hoursWords(0)).toBe("None: people can sign as soon as they are invited");
    expect(hoursWords(24)).toBe("1 day (24 hours)");
    expect(hoursWords(72)).toBe("3 days (72 hours)");
    expect(hoursWords(5)).toBe("5 hours");
    expect(retentionWords(null)).toBe("Not set: kept until someone erases them");
    expect(reminderWords(null)).toBe("No reminders");
    expect(reminderWords(7)).toBe(
      "After 7 days, and again 7 days later if there is still no answer (two reminders at most)",
    );
    expect(reminderWords(1)).toContain("After 1 day, and again 1 day later");
    expect(retentionWords(1)).toBe("1 day");
  });
});
