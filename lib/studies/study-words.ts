/** A study's settings as the team reads them on the dashboard. Pure. */
export const studyStatusWords = { DRAFT: "Draft", RECRUITING: "Recruiting", CLOSED: "Closed" } as const;
export const invitationModeWords = {
  AUTOMATIC: "Automatically, as soon as they register",
  AFTER_TRIAGE: "After the team's triage",
} as const;
export const studyKindWords = { INTERVIEW: "Interviews", WORKSHOP: "Workshops" } as const;

export function targetWords(min: number | null, max: number | null): string {
  if (max === null) return "No target set";
  if (min === null) return `Up to ${max} participants`;
  return min === max ? `${max} participants` : `${min} to ${max} participants`;
}

export function hoursWords(hours: number): string {
  if (hours === 0) return "None: people can sign as soon as they are invited";
  if (hours % 24 === 0) return `${hours / 24} ${hours === 24 ? "day" : "days"} (${hours} hours)`;
  return `${hours} ${hours === 1 ? "hour" : "hours"}`;
}

/** A length of time given in hours, in days as well where it is whole days. */
function durationWords(hours: number): string {
  if (hours > 0 && hours % 24 === 0) return `${hours / 24} ${hours === 24 ? "day" : "days"} (${hours} hours)`;
  return `${hours} ${hours === 1 ? "hour" : "hours"}`;
}

/** Until when people may move or cancel their own interview from their personal link. */
export function interviewCutoffWords(hours: number): string {
  return hours === 0 ? "Until the interview starts" : `Until ${durationWords(hours)} before it starts`;
}

/** How long a person offered a freed workshop place has to accept it. */
export function workshopOfferWords(hours: number): string {
  return `${durationWords(hours)}, then it is offered to the next person on the waiting list`;
}

export function retentionWords(days: number | null): string {
  return days === null ? "Not set: kept until someone erases them" : `${days} ${days === 1 ? "day" : "days"}`;
}

/** The reminder setting in words: when, and that there are at most two. */
export function reminderWords(days: number | null): string {
  if (days === null) return "No reminders";
  const n = `${days} ${days === 1 ? "day" : "days"}`;
  return `After ${n}, and again ${n} later if there is still no answer (two reminders at most)`;
}

export const studyStatusColour = { DRAFT: "grey", RECRUITING: "green", CLOSED: "white" } as const;
