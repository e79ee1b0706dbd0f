import type { RulesDraft } from "./rules-form";

/** What the rules form's action answers, for the page to draw the form again. */
export type RulesFormState = {
  draft: RulesDraft;
  /** Bumped on every answer, so the form's fields are drawn afresh with the values given back. */
  revision: number;
  expectedUpdatedAt: string;
  /** The first error for each field, by the field's name (which is its id). */
  errors: Record<string, string>;
  /** Problems with the rules as a whole, each naming the criterion and question (rulesProblems). */
  problems: string[];
  /** The test panel's answers as typed, by question code. */
  testValues: Record<string, string[]>;
  testResult?: { eligible: boolean; reasons: string[] };
  /** Shown before saving while people are registered: what changes for them, and the rules it is about. */
  warning?: { lines: string[]; fingerprint: string };
};
