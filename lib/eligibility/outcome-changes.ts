import { evaluateEligibility } from "./evaluate-eligibility";
import type { EligibilityAnswers, EligibilityRules } from "./rules";

export type StoredOutcome = "ELIGIBLE" | "INELIGIBLE";

/** One registered person, as far as counting goes: the outcome stored for them and their latest answers. */
export type OutcomeFacts = { eligibility: StoredOutcome; answers: EligibilityAnswers };

export type OutcomeChanges = {
  /** Everyone counted. */
  total: number;
  /** Stored as eligible, not eligible under these rules. */
  nowIneligible: number;
  /** Stored as not eligible, eligible under these rules. */
  nowEligible: number;
};

/** What a person's outcome would be under these rules, when it differs from the stored one; null otherwise. */
export function changedOutcome(rules: EligibilityRules, person: OutcomeFacts): StoredOutcome | null {
  const next: StoredOutcome = evaluateEligibility(rules, person.answers).eligible ? "ELIGIBLE" : "INELIGIBLE";
  return next === person.eligibility ? null : next;
}

/** How many stored outcomes these rules would decide the other way. Nothing personal is returned. Pure. */
export function countOutcomeChanges(rules: EligibilityRules, people: readonly OutcomeFacts[]): OutcomeChanges {
  let nowIneligible = 0;
  let nowEligible = 0;
  for (const person of people) {
    const next = changedOutcome(rules, person);
    if (next === "INELIGIBLE") nowIneligible++;
    else if (next === "ELIGIBLE") nowEligible++;
  }
  return { total: people.length, nowIneligible, nowEligible };
}

const people = (n: number) => (n === 1 ? "1 person" : `${n} people`);

/** The counts in words: "12 people would now be not eligible", "3 people would now be eligible". */
export function outcomeChangeWords(changes: OutcomeChanges): string[] {
  if (changes.nowIneligible === 0 && changes.nowEligible === 0) {
    return [`No one's outcome would change: of ${people(changes.total)} registered, all would be decided as before`];
  }
  const words: string[] = [];
  if (changes.nowIneligible > 0) words.push(`${people(changes.nowIneligible)} would now be not eligible`);
  if (changes.nowEligible > 0) words.push(`${people(changes.nowEligible)} would now be eligible`);
  return words;
}
