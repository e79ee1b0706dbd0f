"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * "(3pm your time, Europe/Madrid)" beside a UK time, when the browser reports another time zone. Only an
 * addition: the server renders nothing here, so the page reads the same in UK time without JavaScript.
 */
export function YourTime({ startsAt }: { startsAt: string }) {
  const zone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  if (!zone || zone === "Europe/London") return null;
  const time = new Intl.DateTimeFormat("en-GB", {
    hour: "numeric",
    minute: "2-digit",
    hourCycle: "h12",
    timeZone: zone,
  })
    .format(new Date(startsAt))
    .replace(":00", "")
    .replace(/\s/g, "")
    .toLowerCase();
  return (
    <span className="nhsuk-u-secondary-text-color">
      {" "}
      ({time} your time, {zone})
    </span>
  );
}
