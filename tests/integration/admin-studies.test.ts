import { beforeEach, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/forms/action-error";
import {
  addConsentStatement,
  createConsentFormDraft,
  findConsentFormForAdmin,
  moveConsentStatement,
  removeConsentStatement,
  updateConsentFormDraft,
  updateConsentStatement,
} from "@/lib/studies/consent-form-drafts";
import {
  consentStatementFormSchema,
  informationSheetFormSchema,
  newConsentFormSchema,
} from "@/lib/studies/document-forms";
import { describeEligibilityRules } from "@/lib/studies/describe-eligibility-rules";
import { draftFromForm, draftFromRules, postedValues, rulesFromDraft } from "@/lib/studies/rules-form";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import {
  createInformationSheetDraft,
  publishInformationSheet,
  updateInformationSheetDraft,
} from "@/lib/studies/information-sheet-drafts";
import { listStudies } from "@/lib/studies/list-studies";
import { countReconsentCandidates, publishStudyConsentForm } from "@/lib/studies/publish-study-consent-form";
import { questionsOfStudy, updateEligibilityRules } from "@/lib/studies/update-eligibility-rules";
import { settingsFormValues, studySettingsFormSchema } from "@/lib/studies/study-settings-form";
import { updateStudySettings } from "@/lib/studies/update-study-settings";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { NotAllowedError } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import { seedDatabase } from "@/lib/db/seed";
import { eligibilityRulesSchema, rulesProblems } from "@/lib/eligibility/rules";
import { consentedPerson } from "./support/consented";
import { participationOf, registerPerson, tokenFromLatestEmail } from "./support/participants";
import { aResearcher, auditActions } from "./support/researchers";
import { testDb } from "./support/test-db";

let admin: Researcher;
let researcher: Researcher;

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
  admin = await aResearcher("ADMIN");
  researcher = await aResearcher("RESEARCHER");
});

const interview = () => testDb().study.findUniqueOrThrow({ where: { slug: "interview-study" } });

const settingsForm = (overrides: Record<string, string> = {}, updatedAt = new Date()) => ({
  status: "RECRUITING",
  targetMin: "10",
  targetMax: "20",
  invitationMode: "AFTER_TRIAGE",
  consentRequired: "yes",
  considerationPeriodHours: "24",
  reminderAfterDays: "7",
  retentionDays: "365",
  interviewBookingCutoffHours: "24",
  workshopOfferHours: "48",
  contactName: "Mark Skopec",
  contactEmail: "mark.skopec17@imperial.ac.uk",
  expectedUpdatedAt: updatedAt.toISOString(),
  ...overrides,
});

describe("listing and reading studies", () => {
  it("lists every study with its current document versions, for any researcher", async () => {
    const studies = await listStudies(testDb(), researcher);
    expect(studies.map((s) => [s.slug, s.currentSheetVersion, s.currentFormVersion, s.drafts])).toEqual([
      ["interview-study", "0.1", "0.1", 0],
      ["workshops", "0.1", "0.1", 0],
    ]);
  });

  it("finds a study by its slug, and nothing for an unknown or malformed one", async () => {
    const study = await findStudyForAdmin(testDb(), researcher, "interview-study");
    expect(study?.currentFormId).toBe(study?.consentForms[0]?.id);
    expect(await findStudyForAdmin(testDb(), researcher, "no-such-study")).toBeNull();
    expect(await findStudyForAdmin(testDb(), researcher, "../etc' or 1=1")).toBeNull();
  });
});

describe("study settings", () => {
  it("checks the form: targets in order, whole numbers, a real email address", () => {
    const errors = (values: Record<string, string>) => {
      const parsed = studySettingsFormSchema.safeParse(settingsForm(values));
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    };
    expect(errors({})).toEqual({});
    expect(errors({ targetMin: "20", targetMax: "12" })).toEqual({
      targetMin: "The smallest number of participants must not be more than the largest",
    });
    expect(errors({ targetMin: "12", targetMax: "12" })).toEqual({});
    expect(errors({ targetMin: "", targetMax: "" })).toEqual({});
    expect(errors({ targetMin: "5", targetMax: "" })).toEqual({
      targetMax: "Enter the largest number of participants as well as the smallest",
    });
    expect(errors({ targetMin: "1.5" })).toEqual({
      targetMin: "Enter the smallest number of participants as a whole number, like 12, or leave it empty",
    });
    expect(errors({ considerationPeriodHours: "-1" }).considerationPeriodHours).toMatch(/whole number/);
    expect(errors({ considerationPeriodHours: "721" }).considerationPeriodHours).toMatch(/720 hours/);
    expect(errors({ contactEmail: "not an address" }).contactEmail).toMatch(/correct format/);
    expect(errors({ status: "OPEN" }).status).toBe("Choose the study's status");
    expect(studySettingsFormSchema.parse(settingsForm({ retentionDays: "" })).retentionDays).toBeNull();
    expect(studySettingsFormSchema.parse(settingsForm({ reminderAfterDays: "" })).reminderAfterDays).toBeNull();
    expect(errors({ reminderAfterDays: "0" }).reminderAfterDays).toBe(
      "The number of days before a reminder must be between 1 and 365",
    );
    expect(errors({ reminderAfterDays: "a week" }).reminderAfterDays).toMatch(/whole number/);
    expect(errors({ retentionDays: "36501" }).retentionDays).toBe(
      "The retention period in days must be between 1 and 36500",
    );
  });

  it("saves the settings an admin changes, and audits which fields changed", async () => {
    const study = await interview();
    const { expectedUpdatedAt, ...settings } = studySettingsFormSchema.parse(
      settingsForm(
        {
          invitationMode: "AUTOMATIC",
          reminderAfterDays: "3",
          retentionDays: "400",
          contactName: study.contactName,
          contactEmail: study.contactEmail,
        },
        study.updatedAt,
      ),
    );
    const result = await updateStudySettings(testDb(), admin, {
      studyId: study.id,
      settings,
      expectedUpdatedAt: new Date(expectedUpdatedAt),
    });
    expect(result.changed.sort()).toEqual(
      [
        "considerationPeriodHours",
        "invitationMode",
        "reminderAfterDays",
        "retentionDays",
        "targetMax",
        "targetMin",
      ].sort(),
    );
    expect(await interview()).toMatchObject({
      invitationMode: "AUTOMATIC",
      targetMin: 10,
      targetMax: 20,
      considerationPeriodHours: 24,
      reminderAfterDays: 3,
      retentionDays: 400,
    });
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "study.settings_changed" } });
    expect(event).toMatchObject({
      actorType: "RESEARCHER",
      actorId: admin.id,
      subjectType: "study",
      subjectId: study.id,
    });
    expect(JSON.stringify(event.data)).not.toContain("Skopec");
  });

  it("checks the scheduling settings against the database's ranges, with a message for each", () => {
    const errors = (values: Record<string, string>) => {
      const parsed = studySettingsFormSchema.safeParse(settingsForm(values));
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    };
    const cutoff = (v: string) => errors({ interviewBookingCutoffHours: v }).interviewBookingCutoffHours;
    const offer = (v: string) => errors({ workshopOfferHours: v }).workshopOfferHours;
    for (const ok of ["0", "1", "336", " 24 "]) expect(cutoff(ok)).toBeUndefined();
    for (const ok of ["1", "336"]) expect(offer(ok)).toBeUndefined();
    const cutoffRange = "The hours before an interview must be between 0 and 336 (14 days)";
    const cutoffEnter =
      "Enter the hours before an interview as a whole number, like 24 (0 lets people change it until it starts)";
    expect(cutoff("337")).toBe(cutoffRange);
    for (const bad of ["", "-1", "1.5", "a day", "24h"]) expect(cutoff(bad)).toBe(cutoffEnter);
    const offerRange = "The hours to accept an offered workshop place must be between 1 and 336 (14 days)";
    const offerEnter = "Enter the hours to accept an offered workshop place as a whole number, like 48";
    expect(offer("0")).toBe(offerRange);
    expect(offer("337")).toBe(offerRange);
    for (const bad of ["", "-5", "2.5", "two days"]) expect(offer(bad)).toBe(offerEnter);
    expect(studySettingsFormSchema.parse(settingsForm({ interviewBookingCutoffHours: "0" }))).toMatchObject({
      interviewBookingCutoffHours: 0,
      workshopOfferHours: 48,
    });
  });

  it("saves an interview study's cut-off and a workshop study's time to accept, each audited", async () => {
    const study = await interview();
    const save = async (target: typeof study, overrides: Record<string, string>) => {
      const { expectedUpdatedAt, ...settings } = studySettingsFormSchema.parse(
        settingsForm({ ...settingsFormValues(target), ...overrides }, target.updatedAt),
      );
      return updateStudySettings(testDb(), admin, {
        studyId: target.id,
        settings,
        expectedUpdatedAt: new Date(expectedUpdatedAt),
      });
    };
    expect(await save(study, { interviewBookingCutoffHours: "6" })).toEqual({
      changed: ["interviewBookingCutoffHours"],
    });
    expect(await interview()).toMatchObject({ interviewBookingCutoffHours: 6, workshopOfferHours: 48 });

    const workshops = () => testDb().study.findUniqueOrThrow({ where: { slug: "workshops" } });
    expect(await save(await workshops(), { workshopOfferHours: "72" })).toEqual({ changed: ["workshopOfferHours"] });
    expect(await workshops()).toMatchObject({ workshopOfferHours: 72, interviewBookingCutoffHours: 24 });

    const events = await testDb().auditEvent.findMany({
      where: { action: "study.settings_changed" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.subjectId, (e.data as { changed: string[] }).changed])).toEqual([
      [study.id, ["interviewBookingCutoffHours"]],
      [(await workshops()).id, ["workshopOfferHours"]],
    ]);
    expect((await verifyAuditChain(testDb())).intact).toBe(true);
  });

  it("stores nothing and audits nothing when a scheduling setting is refused", async () => {
    const before = await testDb().study.findMany({ orderBy: { slug: "asc" } });
    const refused: Record<string, string>[] = [
      { interviewBookingCutoffHours: "337" },
      { interviewBookingCutoffHours: "soon" },
      { workshopOfferHours: "0" },
      { workshopOfferHours: "" },
    ];
    for (const bad of refused) {
      expect(studySettingsFormSchema.safeParse(settingsForm(bad)).success).toBe(false);
    }
    // The database refuses the same values, should anything skip the form.
    const study = await interview();
    await expect(
      testDb().study.update({ where: { id: study.id }, data: { interviewBookingCutoffHours: 337 } }),
    ).rejects.toThrow();
    await expect(testDb().study.update({ where: { id: study.id }, data: { workshopOfferHours: 0 } })).rejects.toThrow();
    expect(await testDb().study.findMany({ orderBy: { slug: "asc" } })).toEqual(before);
    expect(await auditActions()).not.toContain("study.settings_changed");
  });

  it("refuses a researcher who is not an admin, and changes nothing", async () => {
    const study = await interview();
    const { expectedUpdatedAt: _, ...settings } = studySettingsFormSchema.parse(settingsForm({}, study.updatedAt));
    await expect(
      updateStudySettings(testDb(), researcher, { studyId: study.id, settings, expectedUpdatedAt: study.updatedAt }),
    ).rejects.toThrow(NotAllowedError);
    expect(await interview()).toEqual(study);
  });

  it("refuses to overwrite a change made since the form was opened", async () => {
    const study = await interview();
    const { expectedUpdatedAt: _, ...settings } = studySettingsFormSchema.parse(settingsForm({}, study.updatedAt));
    await updateStudySettings(testDb(), admin, { studyId: study.id, settings, expectedUpdatedAt: study.updatedAt });
    await expect(
      updateStudySettings(testDb(), admin, {
        studyId: study.id,
        settings: { ...settings, targetMax: 99 },
        expectedUpdatedAt: study.updatedAt,
      }),
    ).rejects.toThrow(/Someone else changed this study/);
    expect((await interview()).targetMax).toBe(20);
  });
});

/** A posted rules form, as the page draws it: one criterion per entry, its conditions by question code. */
function rulesForm(
  criteria: {
    description: string;
    unmetReason: string;
    match?: "all" | "any";
    conditions: { question: string; answers?: string[]; atLeast?: string; atMost?: string }[];
  }[],
): FormData {
  const form = new FormData();
  form.set("criteriaCount", String(criteria.length));
  criteria.forEach((c, i) => {
    form.set(`c${i}-description`, c.description);
    form.set(`c${i}-unmetReason`, c.unmetReason);
    form.set(`c${i}-match`, c.match ?? "all");
    form.set(`c${i}-conditionsCount`, String(c.conditions.length));
    c.conditions.forEach((n, j) => {
      form.set(`c${i}-n${j}-question`, n.question);
      for (const a of n.answers ?? []) form.append(`c${i}-n${j}-answers`, a);
      form.set(`c${i}-n${j}-atLeast`, n.atLeast ?? "");
      form.set(`c${i}-n${j}-atMost`, n.atMost ?? "");
    });
  });
  return form;
}

describe("eligibility rules", () => {
  it("turn the rules into words with the study's own questions and answers", async () => {
    const study = await interview();
    const words = describeEligibilityRules(
      eligibilityRulesSchema.parse(study.eligibilityRules),
      await questionsOfStudy(testDb(), study.id),
    );
    expect(words.map((w) => w.condition.text)).toEqual([
      "The answer to “Do you work in the NHS now?” is “Yes”",
      "The answer to “Have you taken part in a THET-funded international health partnership?” is “Yes, I am taking part now” or “Yes, I have taken part in the past”",
      "The answer to “Have you had the opportunity to introduce learning from your international placement into your NHS work?” is “Yes”",
    ]);
    const workshops = await testDb().study.findUniqueOrThrow({ where: { slug: "workshops" } });
    const either = describeEligibilityRules(
      eligibilityRulesSchema.parse(workshops.eligibilityRules),
      await questionsOfStudy(testDb(), workshops.id),
    )[1]!.condition;
    expect(either.text).toBe("At least one of these:");
    expect(either.parts).toHaveLength(2);
  });

  it("are read from the form with an error for each field, and refused with the problem named", async () => {
    const study = await interview();
    const versionsBefore = await testDb().eligibilityRuleVersion.count({ where: { studyId: study.id } });
    const questions = await questionsOfStudy(testDb(), study.id);
    const empty = rulesFromDraft(
      draftFromForm(
        postedValues(
          rulesForm([
            { description: " ", unmetReason: "", conditions: [{ question: "" }, { question: "worksInNhsNow" }] },
          ]),
        ),
      ),
      questions,
    );
    expect(empty).toEqual({
      ok: false,
      errors: {
        "c0-description": "Enter what the public reads for criterion 1",
        "c0-unmetReason": "Enter what someone who does not meet criterion 1 is told",
        "c0-n0-question": "Choose the question for condition 1 of criterion 1, or remove the condition",
        "c0-n1-answers": "Choose the answers that meet condition 2 of criterion 1",
      },
    });
    const stale = rulesFromDraft(
      draftFromForm(
        postedValues(
          rulesForm([
            {
              description: "You work in the NHS",
              unmetReason: "You do not",
              conditions: [
                { question: "worksInNhsNow", answers: ["maybe"] },
                { question: "ageOver18", answers: ["yes"] },
              ],
            },
          ]),
        ),
      ),
      questions,
    );
    if (!stale.ok) throw new Error("the form did not read");
    expect(rulesProblems(stale.rules, questions)).toEqual([
      'The rule "You work in the NHS" names the answer "maybe", which "Works in the NHS now" does not offer.',
      'The rule "You work in the NHS" tests the question "ageOver18", which is not one of this study\'s questions.',
    ]);
    // The data layer refuses them too, naming the problem, and stores nothing.
    await expect(
      updateEligibilityRules(testDb(), admin, {
        studyId: study.id,
        rules: stale.rules,
        expectedUpdatedAt: study.updatedAt,
      }),
    ).rejects.toThrow(/tests the question "ageOver18", which is not one of this study's questions/);
    expect((await interview()).eligibilityRules).toEqual(study.eligibilityRules);
    expect(await testDb().eligibilityRuleVersion.count({ where: { studyId: study.id } })).toBe(versionsBefore);
  });

  it("are saved by an admin as a new version, audited by version and criterion id, and refused to anyone else", async () => {
    const study = await interview();
    const parsed = rulesFromDraft(
      draftFromForm(
        postedValues(
          rulesForm([
            {
              description: "You work in the NHS",
              unmetReason: "You do not work in the NHS",
              conditions: [{ question: "worksInNhsNow", answers: ["yes"] }],
            },
          ]),
        ),
      ),
      await questionsOfStudy(testDb(), study.id),
    );
    if (!parsed.ok) throw new Error("rules did not parse");
    expect(parsed.rules.criteria[0]!.id).toBe("you-work-in-the-nhs");
    const last = await testDb().eligibilityRuleVersion.count({ where: { studyId: study.id } });
    await expect(
      updateEligibilityRules(testDb(), researcher, {
        studyId: study.id,
        rules: parsed.rules,
        expectedUpdatedAt: study.updatedAt,
      }),
    ).rejects.toThrow(NotAllowedError);
    expect(
      await updateEligibilityRules(testDb(), admin, {
        studyId: study.id,
        rules: parsed.rules,
        expectedUpdatedAt: study.updatedAt,
      }),
    ).toEqual({ version: last + 1 });
    expect((await interview()).eligibilityRules).toEqual(parsed.rules);
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "study.eligibility_rules_changed" } });
    expect(event.data).toEqual({ version: last + 1, criteria: ["you-work-in-the-nhs"] });
    const saved = await testDb().eligibilityRuleVersion.findUniqueOrThrow({
      where: { studyId_version: { studyId: study.id, version: last + 1 } },
    });
    expect(saved).toMatchObject({ rules: parsed.rules, createdById: admin.id });
    // The same stale version again is refused: the first save moved it on, and no version is added.
    await expect(
      updateEligibilityRules(testDb(), admin, {
        studyId: study.id,
        rules: parsed.rules,
        expectedUpdatedAt: study.updatedAt,
      }),
    ).rejects.toThrow(ActionError);
    expect(await testDb().eligibilityRuleVersion.count({ where: { studyId: study.id } })).toBe(last + 1);
    // The next save is the next version.
    expect(
      await updateEligibilityRules(testDb(), admin, {
        studyId: study.id,
        rules: parsed.rules,
        expectedUpdatedAt: (await interview()).updatedAt,
      }),
    ).toEqual({ version: last + 2 });
    // New registrations are decided by the new rules: someone who never introduced learning is now eligible.
    const volunteerId = await registerPerson({ introducedLearning: "no" });
    expect((await participationOf(volunteerId)).eligibility).toBe("ELIGIBLE");
  });

  it("are checked again by the data layer, whatever the caller sends", async () => {
    const study = await interview();
    const bad = { criteria: [{ id: "x", description: "", unmetReason: "", condition: { anyOf: [] } }] } as never;
    await expect(
      updateEligibilityRules(testDb(), admin, { studyId: study.id, rules: bad, expectedUpdatedAt: study.updatedAt }),
    ).rejects.toThrow();
    expect((await interview()).eligibilityRules).toEqual(study.eligibilityRules);
  });

  it("round-trip the seeded rules, including the any-of rule, through the form unchanged", async () => {
    for (const slug of ["interview-study", "workshops"]) {
      const study = await testDb().study.findUniqueOrThrow({ where: { slug } });
      const rules = eligibilityRulesSchema.parse(study.eligibilityRules);
      expect(rulesFromDraft(draftFromRules(rules), await questionsOfStudy(testDb(), study.id))).toEqual({
        ok: true,
        rules,
      });
    }
  });
});

const sheetInput = (version: string) =>
  informationSheetFormSchema.parse({
    version,
    versionDate: "2026-12-01",
    title: "Participant information sheet: interview study",
    content: "## What is the study?\r\n\r\nA study.\r\n",
  });

describe("information sheets", () => {
  it("are drafted, edited and published by an admin; a published one cannot change", async () => {
    const study = await interview();
    const { id } = await createInformationSheetDraft(testDb(), admin, { studyId: study.id, sheet: sheetInput("0.2") });
    const draft = await testDb().informationSheet.findUniqueOrThrow({ where: { id } });
    expect(draft).toMatchObject({ version: "0.2", publishedAt: null, content: "## What is the study?\n\nA study." });
    expect(draft.versionDate.toISOString()).toBe("2026-12-01T00:00:00.000Z");

    await updateInformationSheetDraft(testDb(), admin, {
      studyId: study.id,
      sheetId: id,
      sheet: { ...sheetInput("0.2"), title: "Renamed" },
    });
    await publishInformationSheet(testDb(), admin, { studyId: study.id, sheetId: id });
    expect((await testDb().informationSheet.findUniqueOrThrow({ where: { id } })).publishedAt).not.toBeNull();
    expect((await findStudyForAdmin(testDb(), researcher, "interview-study"))?.currentSheetId).toBe(id);

    await expect(publishInformationSheet(testDb(), admin, { studyId: study.id, sheetId: id })).rejects.toThrow(
      "Version 0.2 is published, so it cannot be changed. Draft a new version instead.",
    );
    await expect(
      updateInformationSheetDraft(testDb(), admin, { studyId: study.id, sheetId: id, sheet: sheetInput("0.2") }),
    ).rejects.toThrow(/cannot be changed/);
    await expect(testDb().informationSheet.update({ where: { id }, data: { title: "Sneaky" } })).rejects.toThrow(
      /cannot be changed/,
    );
    expect(await auditActions()).toEqual([
      "information_sheet.drafted",
      "information_sheet.draft_edited",
      "information_sheet.published",
    ]);
  });

  it("need a version label of their own within the study", async () => {
    const study = await interview();
    const error = await createInformationSheetDraft(testDb(), admin, {
      studyId: study.id,
      sheet: sheetInput("0.1"),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect(error).toMatchObject({
      field: "version",
      message: "Version 0.1 already exists for this study. Give this version its own label",
    });
    // Another study may use the same label.
    const workshops = await testDb().study.findUniqueOrThrow({ where: { slug: "workshops" } });
    await createInformationSheetDraft(testDb(), admin, { studyId: workshops.id, sheet: sheetInput("0.2") });
    await expect(
      createInformationSheetDraft(testDb(), admin, { studyId: study.id, sheet: sheetInput("0.2") }),
    ).resolves.toBeTruthy();
  });

  it("cannot be reached through another study, nor by a researcher who is not an admin", async () => {
    const study = await interview();
    const workshops = await testDb().study.findUniqueOrThrow({ where: { slug: "workshops" } });
    const { id } = await createInformationSheetDraft(testDb(), admin, { studyId: study.id, sheet: sheetInput("0.2") });
    await expect(publishInformationSheet(testDb(), admin, { studyId: workshops.id, sheetId: id })).rejects.toThrow(
      "That information sheet does not exist.",
    );
    await expect(publishInformationSheet(testDb(), researcher, { studyId: study.id, sheetId: id })).rejects.toThrow(
      NotAllowedError,
    );
    await expect(
      createInformationSheetDraft(testDb(), researcher, { studyId: study.id, sheet: sheetInput("0.3") }),
    ).rejects.toThrow(NotAllowedError);
    expect((await testDb().informationSheet.findUniqueOrThrow({ where: { id } })).publishedAt).toBeNull();
  });

  it("check the form: a real date, a label, some text", () => {
    const result = informationSheetFormSchema.safeParse({
      version: "",
      versionDate: "2026-02-30",
      title: "",
      content: "  ",
    });
    expect(result.success ? [] : [...new Set(result.error.issues.map((i) => i.path[0]))]).toEqual([
      "version",
      "versionDate",
      "title",
      "content",
    ]);
  });
});

describe("consent forms", () => {
  async function aDraft(version = "0.2", copyStatements = true) {
    const study = await findStudyForAdmin(testDb(), admin, "interview-study");
    const form = newConsentFormSchema.parse({
      version,
      versionDate: "2026-12-01",
      title: "Consent form: interview study",
      informationSheetId: study!.currentSheetId,
      copyStatements: copyStatements ? "yes" : "no",
    });
    const { id } = await createConsentFormDraft(testDb(), admin, {
      studyId: study!.id,
      form,
      copyStatements: form.copyStatements,
    });
    return { studyId: study!.id, formId: id };
  }
  const statement = (key: string, required = "no") =>
    consentStatementFormSchema.parse({ text: `I agree to ${key}.`, required, key });
  const keys = async (studyId: string, formId: string) =>
    (await findConsentFormForAdmin(testDb(), admin, { studyId, formId }))!.statements.map(
      (s) => `${s.position}:${s.key}`,
    );

  it("start from the current form's statements, which can be added, changed, moved and removed while a draft", async () => {
    const { studyId, formId } = await aDraft();
    const copied = await keys(studyId, formId);
    expect(copied.length).toBeGreaterThan(3);
    const { id: added } = await addConsentStatement(testDb(), admin, {
      studyId,
      formId,
      statement: statement("photographs"),
    });
    expect((await keys(studyId, formId)).at(-1)).toBe(`${copied.length + 1}:photographs`);

    await moveConsentStatement(testDb(), admin, { studyId, formId, statementId: added, direction: "up" });
    expect((await keys(studyId, formId)).slice(-2).map((k) => k.split(":")[1])).toEqual([
      "photographs",
      copied.at(-1)!.split(":")[1],
    ]);
    const first = (await findConsentFormForAdmin(testDb(), admin, { studyId, formId }))!.statements[0]!;
    await moveConsentStatement(testDb(), admin, { studyId, formId, statementId: first.id, direction: "up" }); // already first: nothing moves
    await removeConsentStatement(testDb(), admin, { studyId, formId, statementId: first.id });
    const after = await keys(studyId, formId);
    expect(after.map((k) => Number(k.split(":")[0]))).toEqual(after.map((_, i) => i + 1));
    expect(after.map((k) => k.split(":")[1])).not.toContain(first.key);

    await updateConsentStatement(testDb(), admin, {
      studyId,
      formId,
      statementId: added,
      statement: statement("photos", "yes"),
    });
    const changed = (await findConsentFormForAdmin(testDb(), admin, { studyId, formId }))!.statements.find(
      (s) => s.id === added,
    )!;
    expect(changed).toMatchObject({ key: "photos", required: true, text: "I agree to photos." });

    const duplicate = await addConsentStatement(testDb(), admin, {
      studyId,
      formId,
      statement: statement("photos"),
    }).catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ field: "key", message: expect.stringMatching(/already has the key photos/) });
  });

  it("keep each draft's statements to itself: another form's statement cannot be reached through this one", async () => {
    const { studyId, formId } = await aDraft("0.2");
    const { formId: otherForm } = await aDraft("0.3");
    const theirs = (await findConsentFormForAdmin(testDb(), admin, { studyId, formId: otherForm }))!.statements[0]!;
    const published = (
      await testDb().consentForm.findFirstOrThrow({
        where: { studyId, publishedAt: { not: null } },
        include: { statements: true },
      })
    ).statements[0]!;
    for (const statementId of [theirs.id, published.id]) {
      await expect(
        updateConsentStatement(testDb(), admin, { studyId, formId, statementId, statement: statement("hijack") }),
      ).rejects.toThrow("That statement does not exist.");
      await expect(removeConsentStatement(testDb(), admin, { studyId, formId, statementId })).rejects.toThrow(
        "That statement does not exist.",
      );
      await expect(
        moveConsentStatement(testDb(), admin, { studyId, formId, statementId, direction: "down" }),
      ).rejects.toThrow("That statement does not exist.");
    }
    expect((await testDb().consentStatement.findUniqueOrThrow({ where: { id: theirs.id } })).key).toBe(theirs.key);
    const workshops = await testDb().study.findUniqueOrThrow({ where: { slug: "workshops" } });
    await expect(
      addConsentStatement(testDb(), admin, { studyId: workshops.id, formId, statement: statement("elsewhere") }),
    ).rejects.toThrow("That consent form does not exist.");
  });

  it("refer to a published information sheet of the same study", async () => {
    const study = await interview();
    const { id: draftSheet } = await createInformationSheetDraft(testDb(), admin, {
      studyId: study.id,
      sheet: sheetInput("0.2"),
    });
    const workshopsSheet = await testDb().informationSheet.findFirstOrThrow({
      where: { study: { slug: "workshops" } },
    });
    for (const informationSheetId of [draftSheet, workshopsSheet.id]) {
      const form = newConsentFormSchema.parse({
        version: "0.2",
        versionDate: "2026-12-01",
        title: "Consent form",
        informationSheetId,
      });
      await expect(
        createConsentFormDraft(testDb(), admin, { studyId: study.id, form, copyStatements: false }),
      ).rejects.toMatchObject({ field: "informationSheetId" });
    }
  });

  it("publish, asking everyone who signed an earlier version to re-consent, and cannot be published twice", async () => {
    const { volunteerId } = await consentedPerson();
    await consentedPerson();
    await registerPerson(); // registered but never signed: not asked
    const { studyId, formId } = await aDraft("0.2");
    expect(await countReconsentCandidates(testDb(), admin, { studyId, formId })).toBe(2);

    expect(await publishStudyConsentForm(testDb(), admin, { studyId, formId })).toEqual({ reconsentRequested: 2 });
    expect((await participationOf(volunteerId)).reconsentRequestedAt).not.toBeNull();
    await tokenFromLatestEmail(volunteerId, "consent", "reconsent-invitation");
    const published = await testDb().auditEvent.findFirstOrThrow({ where: { action: "consent_form.published" } });
    expect(published).toMatchObject({ actorType: "RESEARCHER", actorId: admin.id, data: { reconsentRequested: 2 } });

    await expect(publishStudyConsentForm(testDb(), admin, { studyId, formId })).rejects.toThrow(
      "Version 0.2 is already published.",
    );
    await expect(
      addConsentStatement(testDb(), admin, { studyId, formId, statement: statement("late") }),
    ).rejects.toThrow(/cannot be changed/);
    const { formId: next } = await aDraft("0.3");
    expect(await countReconsentCandidates(testDb(), admin, { studyId, formId: next })).toBe(2);
    expect((await verifyAuditChain(testDb())).intact).toBe(true);
  });

  it("need a statement and a published sheet before publishing, and an admin to publish", async () => {
    const { studyId, formId } = await aDraft("0.2", false);
    await expect(publishStudyConsentForm(testDb(), researcher, { studyId, formId })).rejects.toThrow(NotAllowedError);
    await expect(publishStudyConsentForm(testDb(), admin, { studyId, formId })).rejects.toThrow(
      "A consent form needs at least one statement before it can be published.",
    );
    const workshops = await testDb().study.findUniqueOrThrow({ where: { slug: "workshops" } });
    await expect(publishStudyConsentForm(testDb(), admin, { studyId: workshops.id, formId })).rejects.toThrow(
      "That consent form does not exist.",
    );
    await expect(
      addConsentStatement(testDb(), researcher, { studyId, formId, statement: statement("x") }),
    ).rejects.toThrow(NotAllowedError);
    await expect(
      updateConsentFormDraft(testDb(), researcher, {
        studyId,
        formId,
        form: { version: "0.9", versionDate: new Date(), title: "x", informationSheetId: formId },
      }),
    ).rejects.toThrow(NotAllowedError);
    expect((await testDb().consentForm.findUniqueOrThrow({ where: { id: formId } })).publishedAt).toBeNull();
  });
});
