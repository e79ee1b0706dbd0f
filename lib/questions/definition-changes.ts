import { allQuestions, type Question, type QuestionSetDefinition } from "./definition";

/**
 * What publishing a new version of a question set changes, question by question, for the warning shown
 * before it is published while people are registering. Questions are matched by code, options by code.
 */
export type DefinitionChanges = {
  added: { code: string; shortLabel: string }[];
  removed: { code: string; shortLabel: string }[];
  reworded: { code: string; shortLabel: string; before: string; after: string }[];
  optionsAdded: { code: string; shortLabel: string; options: string[] }[];
  optionsRemoved: { code: string; shortLabel: string; options: string[] }[];
};

const named = (q: Question) => ({ code: q.code, shortLabel: q.shortLabel });

export function definitionChanges(
  before: QuestionSetDefinition | null,
  after: QuestionSetDefinition,
): DefinitionChanges {
  const old = new Map((before ? allQuestions(before) : []).map((q) => [q.code, q]));
  const now = allQuestions(after);
  const nowCodes = new Set(now.map((q) => q.code));
  const changes: DefinitionChanges = { added: [], removed: [], reworded: [], optionsAdded: [], optionsRemoved: [] };
  for (const q of now) {
    const was = old.get(q.code);
    if (!was) {
      changes.added.push(named(q));
      continue;
    }
    if (was.label.trim() !== q.label.trim()) {
      changes.reworded.push({ ...named(q), before: was.label, after: q.label });
    }
    const wasOptions = new Set((was.options ?? []).map((o) => o.code));
    const nowOptions = new Set((q.options ?? []).map((o) => o.code));
    const added = (q.options ?? []).filter((o) => !wasOptions.has(o.code)).map((o) => o.label);
    const removed = (was.options ?? []).filter((o) => !nowOptions.has(o.code)).map((o) => o.label);
    if (added.length > 0) changes.optionsAdded.push({ ...named(q), options: added });
    if (removed.length > 0) changes.optionsRemoved.push({ ...named(q), options: removed });
  }
  for (const q of old.values()) if (!nowCodes.has(q.code)) changes.removed.push(named(q));
  return changes;
}

export function hasChanges(changes: DefinitionChanges): boolean {
  return Object.values(changes).some((list) => list.length > 0);
}
