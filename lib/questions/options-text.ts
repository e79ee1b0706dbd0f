import type { QuestionOption } from "./definition";

/**
 * The options of a choice question as the builder's textarea holds them: one option a line, either
 * `Label` or `code: Label`. A line without a code keeps the code of an option with the same label in the
 * version it was copied from (so answers and rules keep meaning the same thing), or gets one made from its
 * label. Duplicate codes are left for definitionProblems to name.
 */

const CODED_LINE = /^([a-z0-9][a-z0-9-]{0,47})\s*:\s*(.+)$/;

/** An option code made from a label: lower-case letters and digits joined by hyphens, at most 48 characters. */
export function optionCodeFromLabel(label: string): string {
  const code = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return code === "" ? "option" : code;
}

export function parseOptionsText(text: string, previous: readonly QuestionOption[] = []): QuestionOption[] {
  const options: QuestionOption[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    const coded = CODED_LINE.exec(line);
    if (coded) {
      const [code, label] = [coded[1]!, coded[2]!.trim()];
      const same = previous.find((o) => o.code === code && o.label.trim() === label);
      options.push(same ? { ...same, label } : { code, label });
      continue;
    }
    const same = previous.find((o) => o.label.trim() === line);
    options.push(same ? { ...same, label: line } : { code: optionCodeFromLabel(line), label: line });
  }
  return options;
}

/** The textarea's text for stored options, every line with its code so that the codes show and stay. */
export function formatOptionsText(options: readonly QuestionOption[] | undefined): string {
  return (options ?? []).map((o) => `${o.code}: ${o.label}`).join("\n");
}

/** A question code suggested from its short name: "Works in the NHS now" becomes "worksInTheNhsNow". */
export function questionCodeFromShortLabel(shortLabel: string): string {
  const words = shortLabel
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // A code starts with a letter: leading digits are dropped.
  while (words.length > 0 && /^[0-9]/.test(words[0]!)) {
    const rest = words[0]!.replace(/^[0-9]+/, "");
    if (rest === "") words.shift();
    else words[0] = rest;
  }
  const code = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join("");
  const start = code.replace(/^[0-9]+/, "");
  return (start === "" ? "question" : start).slice(0, 48);
}
