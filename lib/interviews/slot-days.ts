import { formatUkTime } from "@/lib/text/uk-dates";

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
  const days: SlotDay<T>[] = [];
  for (const slot of slots) {
    const day = formatUkDay(slot.startsAt);
    const last = days.at(-1);
    const labelled = { ...slot, label: slotTimeLabel(slot) };
    if (last?.day === day) last.slots.push(labelled);
    else days.push({ day, slots: [labelled] });
  }
  return days;
}

/** "10am to 10:30am on Tuesday 9 March 2027 (UK time)", for a booked interview. */
export function ukSlotSpan(slot: { startsAt: Date; durationMinutes: number }): string {
  return `${slotTimeLabel(slot)} on ${formatUkDay(slot.startsAt)} (UK time)`;
}
