/**
 * Dates as people in the UK read them, in UK time whatever the server's time zone: a consent signed at
 * 00:30 BST must not show the day before.
 */

const ukDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

const ukTime = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/London",
});

/** e.g. "26 November 2026". */
export function formatUkDate(date: Date): string {
  return ukDate.format(date);
}

/** e.g. "26 November 2026, 14:05". Joined by hand: ICU versions differ on the word between the two. */
export function formatUkDateTime(date: Date): string {
  return `${ukDate.format(date)}, ${ukTime.format(date)}`;
}
