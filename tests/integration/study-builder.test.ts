import { beforeEach, describe, expect, it } from "vitest";
import { NotAllowedError } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import { seedDatabase } from "@/lib/db/seed";
import { ActionError } from "@/lib/forms/action-error";
import { currentCallDefinition } from "@/lib/questions/current-call";
import { questionFormSchema } from "@/lib/questions/question-forms";
import {
  editQuestionSetDraft,
  publishQuestionSetDraft,
  questionSetForBuilder,
  startQuestionSetDraft,
} from "@/lib/questions/question-set-drafts";
import { createStudyFormSchema, newStudyFormValues } from "@/lib/studies/create-study-form";
import { createStudy, questionSetsToChooseFrom } from "@/lib/studies/create-study";
import { publishInformationSheet, createInformationSheetDraft } from "@/lib/studies/information-sheet-drafts";
import { closeStudyRecruitment, openingProblems, openStudyForRecruitment } from "@/lib/studies/study-lifecycle";
import { studyPreview } from "@/lib/studies/study-preview";
import { settingsFormValues, studySettingsFormSchema } from "@/lib/studies/study-settings-form";
import { updateStudySettings } from "@/lib/studies/update-study-settings";
import { aResearcher, auditActions } from "./support/researchers";
import { testDb } from "./support/test-db";

let admin: Researcher;
let researcher: Researcher;

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
  admin = await aResearcher("ADMIN");
  researcher = await aResearcher("RESEARCHER");
});

async function callSetId() {
  return (await questionSetsToChooseFrom(testDb(), admin))[0]!.id;
}

const validValues = {
  title: "Pharmacists in partnerships",
  shortTitle: "Pharmacist interviews",
  slug: "pharmacist-interviews",
  summary: "Interviews with pharmacists.",
  whatTakingPartInvolves: "One interview of an hour.",
  kind: "INTERVIEW",
  contactName: "Dr Jo Bloggs",
  contactEmail: "jo.bloggs@imperial.ac.uk",
};

async function newStudy(overrides: Record<string, string> = {}) {
  const values = { ...newStudyFormValues(await callSetId()), ...validValues, ...overrides };
  return createStudyFormSchema.parse(values);
}

const counts = async () => ({
  studies: await testDb().study.count(),
  sets: await testDb().questionSet.count(),
  versions: await testDb().questionSetVersion.count(),
  rules: await testDb().eligibilityRuleVersion.count(),
});

const question = (overrides: Record<string, string> = {}) =>
  questionFormSchema.parse({
    kind: "one-choice",
    label: "Which sector do you work in?",
    shortLabel: "Sector",
    code: "pharmacySector",
    hint: "",
    required: "yes",
    options: "Hospital\nCommunity",
    min: "",
    max: "",
    ...overrides,
  });

const rule = (code: string, oneOf: string[]) => ({
  criteria: [
    {
      id: "sector",
      description: "You work in a hospital pharmacy",
      unmetReason: "Not hospital",
      condition: { answer: code, oneOf },
    },
  ],
});

/** Everything a study needs to open, but the question set (which each test arranges). */
async function publishSheetAndForm(studyId: string) {
  const sheet = await createInformationSheetDraft(testDb(), admin, {
    studyId,
    sheet: {
      version: "1.0",
      versionDate: new Date("2026-12-01T00:00:00Z"),
      title: "Information",
      content: "About it.",
    },
  });
  await publishInformationSheet(testDb(), admin, { studyId, sheetId: sheet.id });
  await testDb().consentForm.create({
    data: {
      studyId,
      informationSheetId: sheet.id,
      version: "1.0",
      versionDate: new Date("2026-12-01T00:00:00Z"),
      title: "Consent",
      publishedAt: new Date(),
    },
  });
}

describe("creating a study", () => {
  it("creates a draft with empty rules (version 1) using the call's questions, audited", async () => {
    const created = await createStudy(testDb(), admin, await newStudy());
    const study = await testDb().study.findUniqueOrThrow({
      where: { id: created.id },
      include: { ruleVersions: true },
    });
    expect(study).toMatchObject({
      status: "DRAFT",
      slug: "pharmacist-interviews",
      questionSetId: await callSetId(),
      eligibilityRules: { criteria: [] },
      retentionDays: 365,
      reminderAfterDays: 7,
      ethicsCommittee: null,
    });
    expect(study.ruleVersions.map((v) => [v.version, v.rules])).toEqual([[1, { criteria: [] }]]);
    expect(await auditActions()).toContain("study.created");
  });

  it("creates its own empty question set, with a draft first version, when asked", async () => {
    const created = await createStudy(testDb(), admin, await newStudy({ questions: "own", questionSetId: "" }));
    const { set, published, draft } = await questionSetForBuilder(testDb(), admin, created.id);
    expect(set.title).toBe("Pharmacists in partnerships");
    expect(published).toBeNull();
    expect(draft).toMatchObject({ version: 1, definition: { pages: [] } });
    expect(await auditActions()).toEqual(expect.arrayContaining(["question_set.created", "study.created"]));
  });

  it("refuses a web address already taken, and stores nothing", async () => {
    const before = await counts();
    await expect(
      createStudy(testDb(), admin, await newStudy({ slug: "interview-study", questions: "own" })),
    ).rejects.toThrow('The web address "interview-study" is already used by another study. Choose another.');
    expect(await counts()).toEqual(before);
  });

  it("refuses bad input in the form's own words", async () => {
    const newStudyValid = { ...newStudyFormValues(await callSetId()), ...validValues };
    const parsed = createStudyFormSchema.safeParse({
      ...newStudyFormValues(undefined),
      slug: "Not A Slug",
      contactEmail: "nobody",
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "Enter the study's title",
        "Choose the study's format",
        expect.stringMatching(/^The web address must use only lower-case letters/),
        "Enter the contact's email address in the correct format, like name@imperial.ac.uk",
      ]),
    );
    const range = createStudyFormSchema.safeParse({ ...newStudyValid, targetMin: "20", targetMax: "10" });
    expect(range.error!.issues.map((i) => i.message)).toEqual([
      "The smallest number of participants must not be more than the largest",
    ]);
  });

  it("is for admins only", async () => {
    const before = await counts();
    await expect(createStudy(testDb(), researcher, await newStudy())).rejects.toBeInstanceOf(NotAllowedError);
    await expect(
      startQuestionSetDraft(testDb(), researcher, { studyId: (await testDb().study.findFirstOrThrow()).id }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect(await counts()).toEqual(before);
  });
});

describe("opening and closing", () => {
  it("refuses to open, changing nothing, naming each missing thing; opens once complete; closes", async () => {
    const { id } = await createStudy(testDb(), admin, await newStudy({ questions: "own", questionSetId: "" }));
    const status = async () => (await testDb().study.findUniqueOrThrow({ where: { id } })).status;
    await expect(openStudyForRecruitment(testDb(), admin, { studyId: id })).rejects.toThrow(ActionError);
    expect(await openingProblems(testDb(), id)).toEqual([
      "Publish an information sheet first.",
      "People must sign a consent form for this study: publish a consent form first.",
      "Its questions have no published version. Publish a version of the questions first.",
      "Add at least one eligibility rule first.",
    ]);
    expect(await status()).toBe("DRAFT");

    await publishSheetAndForm(id);
    // Questions whose code and page address the call's set (recruiting now) uses too.
    await editQuestionSetDraft(testDb(), admin, {
      studyId: id,
      edit: { type: "add-page", page: { title: "Your work", slug: "your-work" } },
    });
    await editQuestionSetDraft(testDb(), admin, {
      studyId: id,
      edit: { type: "add-question", pageSlug: "your-work", question: question({ code: "staffGroup" }) },
    });
    await publishQuestionSetDraft(testDb(), admin, { studyId: id, version: 1, confirmed: false });
    await testDb().study.update({ where: { id }, data: { eligibilityRules: rule("pharmacyRole", ["hospital"]) } });
    expect(await openingProblems(testDb(), id)).toEqual([
      'The rule "You work in a hospital pharmacy" tests the question "pharmacyRole", which is not one of this study\'s questions.',
      'Its questions use the codes "staffGroup", which the questions of Interview study and Workshops (recruiting now) use too. Change the codes in a new version of the questions.',
      'Its question pages use the addresses "your-work", which the questions of Interview study and Workshops (recruiting now) use too. Change the page addresses in a new version of the questions.',
    ]);
    await expect(openStudyForRecruitment(testDb(), admin, { studyId: id })).rejects.toThrow(
      /not one of this study's questions/,
    );
    expect(await status()).toBe("DRAFT");

    await startQuestionSetDraft(testDb(), admin, { studyId: id });
    await editQuestionSetDraft(testDb(), admin, {
      studyId: id,
      edit: { type: "change-page", pageSlug: "your-work", page: { title: "Your pharmacy", slug: "your-pharmacy" } },
    });
    await editQuestionSetDraft(testDb(), admin, {
      studyId: id,
      edit: { type: "change-question", code: "staffGroup", question: question() },
    });
    await testDb().study.update({ where: { id }, data: { eligibilityRules: rule("pharmacySector", ["hospital"]) } });
    await publishQuestionSetDraft(testDb(), admin, { studyId: id, version: 2, confirmed: false });
    expect(await openingProblems(testDb(), id)).toEqual([]);

    await expect(openStudyForRecruitment(testDb(), researcher, { studyId: id })).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    await openStudyForRecruitment(testDb(), admin, { studyId: id });
    expect(await status()).toBe("RECRUITING");
    await closeStudyRecruitment(testDb(), admin, { studyId: id });
    expect(await status()).toBe("CLOSED");
    await expect(closeStudyRecruitment(testDb(), admin, { studyId: id })).rejects.toThrow(
      "Only a study that is recruiting can be closed.",
    );
    const actions = await auditActions();
    expect(actions.filter((a) => a === "study.opened" || a === "study.closed")).toEqual([
      "study.opened",
      "study.closed",
    ]);
    expect(actions.filter((a) => a === "question_set.version_published")).toHaveLength(2);
  });

  it("refuses to open without a consent form only when consent is required", async () => {
    const { id } = await createStudy(testDb(), admin, await newStudy({ consentRequired: "no" }));
    const problems = await openingProblems(testDb(), id);
    expect(problems).not.toContain("People must sign a consent form for this study: publish a consent form first.");
    expect(problems).toContain("Publish an information sheet first.");
  });
});

describe("question set drafts and versions", () => {
  async function ownStudy() {
    const { id } = await createStudy(testDb(), admin, await newStudy({ questions: "own", questionSetId: "" }));
    await editQuestionSetDraft(testDb(), admin, {
      studyId: id,
      edit: { type: "add-page", page: { title: "Pharmacy", slug: "pharmacy" } },
    });
    await editQuestionSetDraft(testDb(), admin, {
      studyId: id,
      edit: { type: "add-question", pageSlug: "pharmacy", question: question() },
    });
    return id;
  }
  const draftOf = async (studyId: string) => (await questionSetForBuilder(testDb(), admin, studyId)).draft;

  it("refuses duplicate codes, empty options, duplicate options and reserved codes; stores nothing", async () => {
    const id = await ownStudy();
    const before = await draftOf(id);
    const refused = async (edit: Parameters<typeof editQuestionSetDraft>[2]["edit"], message: string | RegExp) => {
      await expect(editQuestionSetDraft(testDb(), admin, { studyId: id, edit })).rejects.toThrow(message);
      expect(await draftOf(id)).toEqual(before);
    };
    await refused(
      { type: "add-question", pageSlug: "pharmacy", question: question() },
      'Two questions have the code "pharmacySector". Give each question its own.',
    );
    await refused(
      { type: "add-question", pageSlug: "pharmacy", question: question({ code: "email" }) },
      /The code "email" of "Sector" is used by the registration journey itself/,
    );
    await refused(
      { type: "change-question", code: "pharmacySector", question: question({ options: "Hospital\nHospital" }) },
      '"Sector" has two options with the code "hospital". Give each option its own.',
    );
    // A form that would bypass the form's own check still meets the definition's.
    await refused(
      { type: "change-question", code: "pharmacySector", question: { ...question(), options: "" } },
      '"Sector" has no options. Add at least one.',
    );
    await refused(
      { type: "add-page", page: { title: "About", slug: "about-you" } },
      /"about-you" is used by the registration journey/,
    );
  });

  it("publishes a new version and leaves the older unchanged; the database refuses to change a published version", async () => {
    const id = await ownStudy();
    const v1 = await publishQuestionSetDraft(testDb(), admin, { studyId: id, version: 1, confirmed: false });
    expect(v1).toMatchObject({ version: 1 });
    const first = await testDb().questionSetVersion.findFirstOrThrow({
      where: { version: 1, questionSet: { studies: { some: { id } } } },
    });
    await startQuestionSetDraft(testDb(), admin, { studyId: id });
    await editQuestionSetDraft(testDb(), admin, {
      studyId: id,
      edit: {
        type: "change-question",
        code: "pharmacySector",
        question: question({ label: "Where do you work?", options: "Hospital\nCommunity\nIndustry" }),
      },
    });
    await publishQuestionSetDraft(testDb(), admin, { studyId: id, version: 2, confirmed: false });
    const again = await testDb().questionSetVersion.findUniqueOrThrow({ where: { id: first.id } });
    expect(again.definition).toEqual(first.definition);
    expect(again.publishedAt).toEqual(first.publishedAt);
    const { published } = await questionSetForBuilder(testDb(), admin, id);
    expect(published?.version).toBe(2);
    expect(published?.definition.pages[0]!.questions[0]!.options!.map((o) => o.code)).toEqual([
      "hospital",
      "community",
      "industry",
    ]);
    await expect(
      testDb().questionSetVersion.update({ where: { id: first.id }, data: { definition: { pages: [] } } }),
    ).rejects.toThrow();
    const event = await testDb().auditEvent.findFirstOrThrow({
      where: { action: "question_set.version_published" },
      orderBy: { id: "desc" },
    });
    expect(event.data).toMatchObject({ version: 2, questionCodes: ["pharmacySector"] });
  });

  it("refuses to publish while a study's rules test a question or answer the version no longer asks", async () => {
    const interview = await testDb().study.findUniqueOrThrow({ where: { slug: "interview-study" } });
    await startQuestionSetDraft(testDb(), admin, { studyId: interview.id });
    const draft = (await draftOf(interview.id))!;
    const tested = currentCallDefinition.pages
      .flatMap((p) => p.questions)
      .find((q) => q.code === "introducedLearning")!;
    expect(JSON.stringify(interview.eligibilityRules)).toContain("introducedLearning");
    await editQuestionSetDraft(testDb(), admin, {
      studyId: interview.id,
      edit: { type: "remove-question", code: tested.code },
    });
    await expect(
      publishQuestionSetDraft(testDb(), admin, { studyId: interview.id, version: draft.version, confirmed: true }),
    ).rejects.toThrow(/tests "introducedLearning", which this version no longer asks\. Change the rules first\./);
    const { published } = await questionSetForBuilder(testDb(), admin, interview.id);
    expect(published?.version).toBe(1);
  });

  it("asks for confirmation when a study using the set is recruiting, listing the changes", async () => {
    const interview = await testDb().study.findUniqueOrThrow({ where: { slug: "interview-study" } });
    expect(interview.status).toBe("RECRUITING");
    const { version } = await startQuestionSetDraft(testDb(), admin, { studyId: interview.id });
    const employer = currentCallDefinition.pages[0]!.questions.find((q) => q.code === "employer")!;
    await editQuestionSetDraft(testDb(), admin, {
      studyId: interview.id,
      edit: {
        type: "change-question",
        code: "employer",
        question: questionFormSchema.parse({
          kind: "short-text",
          label: "Where do you work?",
          shortLabel: employer.shortLabel,
          code: "employer",
          hint: employer.hint ?? "",
          required: "no",
          options: "",
          min: "",
          max: "",
        }),
      },
    });
    const answer = await publishQuestionSetDraft(testDb(), admin, { studyId: interview.id, version, confirmed: false });
    expect("needsConfirmation" in answer && answer.needsConfirmation.changes.reworded.map((r) => r.code)).toEqual([
      "employer",
    ]);
    expect((await questionSetForBuilder(testDb(), admin, interview.id)).published?.version).toBe(1);
    await publishQuestionSetDraft(testDb(), admin, { studyId: interview.id, version, confirmed: true });
    expect((await questionSetForBuilder(testDb(), admin, interview.id)).published?.version).toBe(2);
  });
});

describe("preview, and opening through the settings", () => {
  it("shows a draft study's content and draft questions to the team only", async () => {
    const { id, slug } = await createStudy(testDb(), admin, await newStudy({ questions: "own", questionSetId: "" }));
    await editQuestionSetDraft(testDb(), admin, {
      studyId: id,
      edit: { type: "add-page", page: { title: "Pharmacy", slug: "pharmacy" } },
    });
    const preview = await studyPreview(testDb(), researcher, slug);
    expect(preview).toMatchObject({
      study: { status: "DRAFT", summary: "Interviews with pharmacists.", whoCanTakePart: [] },
      sheet: null,
      questions: { version: 1, draft: true, definition: { pages: [{ slug: "pharmacy" }] } },
    });
    await expect(studyPreview(testDb(), null, slug)).rejects.toBeInstanceOf(NotAllowedError);
  });

  it("refuses to set a study recruiting through its settings while something is missing", async () => {
    const { id } = await createStudy(testDb(), admin, await newStudy());
    const study = await testDb().study.findUniqueOrThrow({ where: { id } });
    const form = studySettingsFormSchema.parse({ ...settingsFormValues(study), status: "RECRUITING" });
    const { expectedUpdatedAt, ...settings } = form;
    await expect(
      updateStudySettings(testDb(), admin, { studyId: id, settings, expectedUpdatedAt: new Date(expectedUpdatedAt) }),
    ).rejects.toThrow("Publish an information sheet first.");
    expect((await testDb().study.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });
});
