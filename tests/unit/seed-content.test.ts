import { describe, expect, it } from "vitest";
import { eligibilityRulesSchema } from "@/lib/eligibility/rules";
import { DRAFT_NOTICE, seedStudies } from "@/lib/seed/study-content";

describe("the seeded studies from the call for evidence", () => {
  it("are the interview study and the workshops", () => {
    expect(seedStudies.map((s) => [s.slug, s.kind])).toEqual([
      ["interview-study", "INTERVIEW"],
      ["workshops", "WORKSHOP"],
    ]);
  });

  it("carry the interview study's ethics approval and target from the call", () => {
    const interview = seedStudies[0]!;
    expect(interview.ethicsReference).toBe("20IC6786");
    expect(interview.ethicsCommittee).toBe("Imperial College Research Ethics Committee");
    expect([interview.targetMin, interview.targetMax]).toEqual([12, 15]);
    expect(interview.informationSheet.content).toMatch(/30 to 35 minutes/);
    expect(interview.informationSheet.content).toContain("MS Teams");
  });

  it("do not claim an ethics approval the call does not give for the workshops", () => {
    const workshops = seedStudies[1]!;
    expect(workshops.ethicsReference).toBeNull();
    expect(workshops.informationSheet.content).not.toContain("20IC6786");
  });

  it.each(seedStudies.map((s) => [s.slug, s]))(
    "%s: valid rules, drafts marked, consent form in the standard layout",
    (_slug, study) => {
      expect(eligibilityRulesSchema.safeParse(study.eligibilityRules).success).toBe(true);
      expect(study.informationSheet.content.startsWith(DRAFT_NOTICE)).toBe(true);
      const keys = study.consentForm.statements.map((s) => s.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys[0]).toBe("read-information-sheet");
      expect(keys.at(-1)).toBe("take-part");
      expect(study.consentForm.statements.find((s) => s.key === "anonymised-quotations")?.required).toBe(false);
      expect(study.consentForm.statements.find((s) => s.key === "take-part")?.required).toBe(true);
      // Voluntary, and free to withdraw without a reason: said on both the sheet and the form.
      expect(study.informationSheet.content).toMatch(/without giving (a|any) reason/);
      expect(study.consentForm.statements.some((s) => /without giving (a|any) reason/.test(s.text))).toBe(true);
    },
  );

  it("record a recording statement for the interviews", () => {
    const recording = seedStudies[0]!.consentForm.statements.find((s) => s.key === "recording");
    expect(recording?.required).toBe(true);
  });
});
