import { londonWallClock } from "@/lib/text/london-time";
import { formatUkDate, formatUkTime } from "@/lib/text/uk-dates";

const dayFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

/** "Tuesday 9 March 2027", the UK day (ICU's comma after the weekday is dropped, as GOV.UK style does). */
export function formatUkDay(date: Date): string {
  return dayFormat.format(date).replace(",", "");
}

/** "10am to 10:30am", in UK time. */
export function slotTimeLabel(slot: { startsAt: Date; durationMinutes: number }): string {
  return `${formatUkTime(slot.startsAt)} to ${formatUkTime(new Date(slot.startsAt.getTime() + slot.durationMinutes * 60_000))}`;
}

export type SlotDay<T> = { day: string; slots: (T & { label: string })[] };

/**
 * Slots grouped by the UK day they start on, in the order given (earliest first), each labelled with its
 * UK times: a fieldset per day on the participant's chooser. A slot at 00:30 BST belongs to that day, not
 * the UTC day before.
 */
export function groupSlotsByUkDay<T extends { startsAt: Date; durationMinutes: number }>(
  slots: readonly T[],
): SlotDay<T>[] {
  return groupByUkDay(slots).map((d) => ({
    day: d.label,
    slots: d.items.map((slot) => ({ ...slot, label: slotTimeLabel(slot) })),
  }));
}

/** "10am to 10:30am on Tuesday 9 March 2027 (UK time)", for a booked interview. */
export function ukSlotSpan(slot: { startsAt: Date; durationMinutes: number }): string {
  return `${slotTimeLabel(slot)} on ${formatUkDay(slot.startsAt)} (UK time)`;
}

const weekdayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: "Europe/London" });

/** A UK calendar day as a sortable key ("2027-03-29") and in words ("Monday 29 March 2027"). */
export function ukDay(instant: Date): { key: string; label: string } {
  const c = londonWallClock(instant);
  const key = `${c.year}-${String(c.month).padStart(2, "0")}-${String(c.day).padStart(2, "0")}`;
  return { key, label: `${weekdayFormat.format(instant)} ${formatUkDate(instant)}` };
}

/** Things in time order, grouped by the UK day they start on, in that order. */
export function groupByUkDay<T extends { startsAt: Date }>(
  items: readonly T[],
): { key: string; label: string; items: T[] }[] {
  const days: { key: string; label: string; items: T[] }[] = [];
  for (const item of items) {
    const day = ukDay(item.startsAt);
    let group = days.at(-1);
    if (!group || group.key !== day.key) days.push((group = { ...day, items: [] }));
    group.items.push(item);
  }
  return days;
}
