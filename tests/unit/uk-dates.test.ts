import { describe, expect, it } from "vitest";
import { formatUkDate, formatUkDateTime } from "@/lib/text/uk-dates";

describe("UK dates", () => {
  it("formats a date in the long UK form", () => {
    expect(formatUkDate(new Date("2026-11-26T00:00:00Z"))).toBe("26 November 2026");
    expect(formatUkDateTime(new Date("2026-11-26T14:05:00Z"))).toBe("2:05pm on 26 November 2026");
  });

  it("uses UK time, including summer time, whatever the server's zone", () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    expect(formatUkDate(new Date("2026-06-30T23:30:00Z"))).toBe("1 July 2026");
    expect(formatUkDateTime(new Date("2026-06-30T23:30:00Z"))).toBe("12:30am on 1 July 2026");
    // A date stored as midnight UTC is the same day in UK time all year round.
    expect(formatUkDate(new Date("2026-07-15T00:00:00Z"))).toBe("15 July 2026");
  });
});
