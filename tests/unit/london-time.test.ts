import { describe, expect, it } from "vitest";
import {
  londonFormFields,
  londonTimeToInstant,
  londonWallClock,
  parseCalendarDate,
  parseWallTime,
  ukTimeZoneName,
} from "@/lib/text/london-time";

describe("London wall-clock time to an instant", () => {
  it("reads a summer date as BST (UTC+1) and a winter date as GMT", () => {
    expect(londonTimeToInstant({ year: 2027, month: 7, day: 1 }, { hour: 14, minute: 30 })?.toISOString()).toBe(
      "2027-07-01T13:30:00.000Z",
    );
    expect(londonTimeToInstant({ year: 2027, month: 1, day: 15 }, { hour: 14, minute: 30 })?.toISOString()).toBe(
      "2027-01-15T14:30:00.000Z",
    );
  });

  it("gets the days of the clock changes right", () => {
    // 28 March 2027: the clocks go forward at 1am GMT; 31 October 2027: back at 2am BST.
    expect(londonTimeToInstant({ year: 2027, month: 3, day: 28 }, { hour: 0, minute: 30 })?.toISOString()).toBe(
      "2027-03-28T00:30:00.000Z",
    );
    expect(londonTimeToInstant({ year: 2027, month: 3, day: 28 }, { hour: 3, minute: 0 })?.toISOString()).toBe(
      "2027-03-28T02:00:00.000Z",
    );
    expect(londonTimeToInstant({ year: 2027, month: 10, day: 31 }, { hour: 9, minute: 0 })?.toISOString()).toBe(
      "2027-10-31T09:00:00.000Z",
    );
    expect(londonTimeToInstant({ year: 2027, month: 10, day: 30 }, { hour: 9, minute: 0 })?.toISOString()).toBe(
      "2027-10-30T08:00:00.000Z",
    );
  });

  it("refuses a time the clocks skip, and reads a time they show twice as the first (BST)", () => {
    expect(londonTimeToInstant({ year: 2027, month: 3, day: 28 }, { hour: 1, minute: 30 })).toBeNull();
    expect(londonTimeToInstant({ year: 2027, month: 10, day: 31 }, { hour: 1, minute: 30 })?.toISOString()).toBe(
      "2027-10-31T00:30:00.000Z",
    );
  });

  it("reads back every half hour of a year", () => {
    for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2028, 0, 1); t += 30 * 60_000) {
      const c = londonWallClock(new Date(t));
      const back = londonTimeToInstant(c, c);
      // Only the repeated hour in October reads back as its first occurrence.
      if (back?.getTime() !== t) expect(t - back!.getTime()).toBe(3_600_000);
    }
  });

  it("names the zone and fills a form back in London time", () => {
    expect(ukTimeZoneName(new Date("2027-07-01T12:00:00Z"))).toBe("BST");
    expect(ukTimeZoneName(new Date("2027-12-01T12:00:00Z"))).toBe("GMT");
    expect(londonFormFields(new Date("2027-07-01T23:30:00Z"))).toEqual({
      day: "2",
      month: "7",
      year: "2027",
      time: "00:30",
    });
  });
});

describe("reading what was typed", () => {
  it.each([
    ["14:30", { hour: 14, minute: 30 }],
    ["9:05", { hour: 9, minute: 5 }],
    ["09.05", { hour: 9, minute: 5 }],
    ["2:30pm", { hour: 14, minute: 30 }],
    ["2pm", { hour: 14, minute: 0 }],
    ["12pm", { hour: 12, minute: 0 }],
    ["12am", { hour: 0, minute: 0 }],
    [" 11:15 AM ", { hour: 11, minute: 15 }],
  ])("reads the time %j", (typed, time) => {
    expect(parseWallTime(typed)).toEqual(time);
  });

  it.each(["", "14", "24:00", "13pm", "9:60", "noon", "1430"])("refuses the time %j", (typed) => {
    expect(parseWallTime(typed)).toBeNull();
  });

  it("accepts real dates only", () => {
    expect(parseCalendarDate("29", "2", "2028")).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseCalendarDate("29", "2", "2027")).toBeNull();
    expect(parseCalendarDate("31", "4", "2027")).toBeNull();
    expect(parseCalendarDate("1", "13", "2027")).toBeNull();
    expect(parseCalendarDate("", "1", "2027")).toBeNull();
    expect(parseCalendarDate("1", "1", "27")).toBeNull();
  });
});
