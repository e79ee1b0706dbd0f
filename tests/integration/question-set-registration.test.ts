import { beforeEach, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/db/seed";
import type { QuestionSetDefinition } from "@/lib/questions/definition";
import { createDraft, findDraft, submitDraft } from "@/lib/registration/drafts";
import { currentCallDefinition } from "@/lib/questions/current-call";
import { journeySteps } from "@/lib/registration/journey";
import { registerInterest } from "@/lib/registration/register-interest";
import { registrationSchema } from "@/lib/registration/schema";
import { checkDraftForSubmit, saveStepPost } from "@/lib/registration/save-step";
import { QUESTION_SET_VERSION_FIELD } from "@/lib/registration/step-checks";
import { listRecruitingStudies } from "@/lib/studies/recruiting-studies";
import { validAnswers } from "../support/registration-answers";
import { testDb } from "./support/test-db";

/** A second study asking its own questions, recruiting beside the call's two. */
const midwiferyQuestions: QuestionSetDefinition = {
  pages: [
    {
      slug: "your-midwifery",
      title: "Your midwifery practice",
      questions: [
        {
          code: "yearsQualified",
          kind: "number",
          label: "How many years have you been qualified?",
          shortLabel: "Years qualified",
          required: true,
          min: 0,
          max: 60,
        },
        {
          code: "settings",
          kind: "several-choices",
          label: "Where do you practise?",
          shortLabel: "Settings",
          required: true,
          options: [
            { code: "hospital", label: "Hospital" },
            { code: "community", label: "Community" },
            { code: "birth-centre", label: "Birth centre" },
          ],
        },
        {
          code: "qualifiedOn",
          kind: "date",
          label: "When did you qualify?",
          shortLabel: "Date qualified",
          required: false,
        },
      ],
    },
  ],
};

async function addMidwiferyStudy(): Promise<{
  studyId: string;
  setId: string;
  versionId: string;
  rulesVersionId: string;
}> {
  const db = testDb();
  const set = await db.questionSet.create({ data: { slug: "midwifery-2027", title: "Midwifery (2027)" } });
  const version = await db.questionSetVersion.create({
    data: { questionSetId: set.id, version: 1, definition: midwiferyQuestions, publishedAt: new Date() },
  });
  const rules = {
    criteria: [
      {
        id: "experienced",
        description: "Qualified for at least 2 years",
        unmetReason: "You told us you have been qualified for less than 2 years.",
        condition: { answer: "yearsQualified", atLeast: 2 },
      },
    ],
  };
  const study = await db.study.create({
    data: {
      slug: "midwifery-study",
      kind: "INTERVIEW",
      title: "Midwifery interview study",
      shortTitle: "Midwifery",
      summary: "An interview about midwifery practice.",
      whatTakingPartInvolves: "One interview.",
      status: "RECRUITING",
      eligibilityRules: rules,
      questionSetId: set.id,
      contactName: "The midwifery team",
      contactEmail: "midwifery@example.ac.uk",
      displayOrder: 10,
      ruleVersions: {
        create: [
          { version: 1, rules: { criteria: [] } },
          { version: 2, rules },
        ],
      },
    },
    include: { ruleVersions: { where: { version: 2 } } },
  });
  return { studyId: study.id, setId: set.id, versionId: version.id, rulesVersionId: study.ruleVersions[0]!.id };
}

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    for (const v of [value].flat()) data.append(key, v);
  }
  return data;
}

const callWork = {
  worksInNhsNow: validAnswers.worksInNhsNow,
  employer: validAnswers.employer,
  staffGroup: validAnswers.staffGroup,
  jobTitle: validAnswers.jobTitle,
  region: validAnswers.region,
};
const callExperience = {
  ihpParticipation: validAnswers.ihpParticipation,
  partnershipName: validAnswers.partnershipName,
  partnershipCountry: validAnswers.partnershipCountry,
  partnershipYears: validAnswers.partnershipYears,
  otherVolunteering: validAnswers.otherVolunteering,
  introducedLearning: validAnswers.introducedLearning,
  learningDescription: validAnswers.learningDescription,
};
const takingPart = {
  workshopFormat: "online",
  heardFrom: "thet",
  contactConsent: "yes",
  privacyAcknowledged: "yes",
};

/** Posts one step as the page would, and fails the test unless it was saved. */
async function post(token: string, slug: string, values: Record<string, string | string[]>): Promise<string> {
  const draft = (await findDraft(token))!;
  const result = await saveStepPost(draft, await listRecruitingStudies(), slug, form(values), false);
  if (result.kind !== "saved") throw new Error(`${slug} was not saved: ${JSON.stringify(result)}`);
  return result.next;
}

async function currentVersionOf(slug: string): Promise<string> {
  const studies = await listRecruitingStudies();
  const step = journeySteps(studies, (await findDraftAnswers()) ?? {}).find((s) => s.slug === slug);
  if (!step || step.kind !== "questions") throw new Error(`${slug} is not a question page`);
  return step.questionSet.versionId;
}

let currentToken = "";
async function findDraftAnswers() {
  return (await findDraft(currentToken))?.answers;
}

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

describe("a registration when one question set recruits", () => {
  it("links the call's version, keeps the screening answers by code and names each study's rule version", async () => {
    const db = testDb();
    const studies = await listRecruitingStudies();
    const answers = registrationSchema(studies).parse({ ...validAnswers, email: "grace.hopper@nhs.net" });
    const outcome = await registerInterest(db, {
      answers,
      studies,
      submissionKey: crypto.randomUUID(),
      privacyNoticeVersion: "1.0",
      publicUrl: "http://portal.test",
    });
    if (outcome.kind !== "stored") throw new Error("not stored");
    const links = await db.expressionOfInterestVersion.findMany({
      where: { expressionOfInterestId: outcome.expressionOfInterestId },
    });
    expect(links.map((l) => l.questionSetVersionId)).toEqual([studies[0]!.questionSet.versionId]);
    const volunteer = await db.volunteer.findUniqueOrThrow({ where: { id: outcome.volunteerId } });
    expect(Object.keys(volunteer.screeningAnswers as object).sort()).toEqual(
      currentCallDefinition.pages.flatMap((p) => p.questions.map((q) => q.code)).sort(),
    );
    const participations = await db.participation.findMany({ where: { volunteerId: outcome.volunteerId } });
    expect(participations.map((p) => p.eligibilityRulesVersionId).sort()).toEqual(
      studies.map((s) => s.rulesVersionId).sort(),
    );
    expect(participations.every((p) => p.eligibilityRulesVersionId !== null)).toBe(true);
  });
});

describe("a registration when two question sets recruit", () => {
  it("asks the chosen studies' questions, and stores both version links, the merged screening answers and each rule version", async () => {
    const midwifery = await addMidwiferyStudy();
    const db = testDb();
    const studies = await listRecruitingStudies();
    expect(studies.map((s) => s.slug)).toEqual(["interview-study", "workshops", "midwifery-study"]);
    const callVersion = studies[0]!.questionSet.versionId;

    const { token } = await createDraft();
    currentToken = token;
    expect(await post(token, "about-you", { fullName: "Mary Seacole", email: "mary.seacole@nhs.net", phone: "" })).toBe(
      "/register/choose-studies",
    );
    expect(await post(token, "choose-studies", { studies: ["interview-study", "workshops", "midwifery-study"] })).toBe(
      "/register/your-work",
    );
    await post(token, "your-work", { ...callWork, [QUESTION_SET_VERSION_FIELD]: callVersion });
    expect(
      await post(token, "international-experience", { ...callExperience, [QUESTION_SET_VERSION_FIELD]: callVersion }),
    ).toBe("/register/your-midwifery");
    expect(
      await post(token, "your-midwifery", {
        yearsQualified: " 12 ",
        settings: ["hospital", "community"],
        qualifiedOn: "27/3/2014",
        [QUESTION_SET_VERSION_FIELD]: midwifery.versionId,
      }),
    ).toBe("/register/taking-part");
    expect(await post(token, "taking-part", takingPart)).toBe("/register/check-answers");

    const draft = (await findDraft(token))!;
    expect(draft.answers).toMatchObject({
      yearsQualified: 12,
      settings: ["hospital", "community"],
      qualifiedOn: "2014-03-27",
    });
    const check = checkDraftForSubmit(studies, draft.answers);
    if (check.kind !== "ready") throw new Error(`not ready: ${JSON.stringify(check)}`);
    const outcome = await submitDraft(draft.id, check.answers, studies);
    if (outcome.kind !== "stored") throw new Error("not stored");

    const links = await db.expressionOfInterestVersion.findMany({
      where: { expressionOfInterestId: outcome.expressionOfInterestId },
    });
    expect(links.map((l) => l.questionSetVersionId).sort()).toEqual([callVersion, midwifery.versionId].sort());

    const volunteer = await db.volunteer.findUniqueOrThrow({ where: { id: outcome.volunteerId } });
    expect(volunteer.screeningAnswers).toEqual({
      ...callWork,
      ...callExperience,
      yearsQualified: 12,
      settings: ["hospital", "community"],
      qualifiedOn: "2014-03-27",
    });
    expect(volunteer).toMatchObject({ staffGroup: "nurse", region: "london", partnershipCountry: "Uganda" });

    const participations = await db.participation.findMany({
      where: { volunteerId: outcome.volunteerId },
      include: { study: { include: { ruleVersions: { orderBy: { version: "desc" }, take: 1 } } } },
    });
    expect(participations).toHaveLength(3);
    for (const p of participations) expect(p.eligibilityRulesVersionId).toBe(p.study.ruleVersions[0]!.id);
    expect(participations.find((p) => p.studyId === midwifery.studyId)).toMatchObject({
      eligibilityRulesVersionId: midwifery.rulesVersionId,
      eligibility: "ELIGIBLE",
    });

    // Registering again for the midwifery study only: its answers replace the earlier ones, the call's stay,
    // and the profile columns (not asked by the midwifery questions) keep what they held.
    const again = await createDraft();
    currentToken = again.token;
    await post(again.token, "about-you", { fullName: "Mary Seacole", email: "Mary.Seacole@nhs.net", phone: "" });
    expect(await post(again.token, "choose-studies", { studies: ["midwifery-study"] })).toBe(
      "/register/your-midwifery",
    );
    await post(again.token, "your-midwifery", {
      yearsQualified: "1",
      settings: "birth-centre",
      qualifiedOn: "",
      [QUESTION_SET_VERSION_FIELD]: midwifery.versionId,
    });
    await post(again.token, "taking-part", { heardFrom: "thet", contactConsent: "yes", privacyAcknowledged: "yes" });
    const second = (await findDraft(again.token))!;
    const secondCheck = checkDraftForSubmit(studies, second.answers);
    if (secondCheck.kind !== "ready") throw new Error(`not ready: ${JSON.stringify(secondCheck)}`);
    const secondOutcome = await submitDraft(second.id, secondCheck.answers, studies);
    if (secondOutcome.kind !== "stored") throw new Error("not stored");
    expect(secondOutcome.volunteerId).toBe(outcome.volunteerId);
    const after = await db.volunteer.findUniqueOrThrow({ where: { id: outcome.volunteerId } });
    expect(after.screeningAnswers).toEqual({
      ...callWork,
      ...callExperience,
      yearsQualified: 1,
      settings: ["birth-centre"],
    });
    expect(after).toMatchObject({ staffGroup: "nurse", region: "london", partnershipCountry: "Uganda" });
    const secondLinks = await db.expressionOfInterestVersion.findMany({
      where: { expressionOfInterestId: secondOutcome.expressionOfInterestId },
    });
    expect(secondLinks.map((l) => l.questionSetVersionId)).toEqual([midwifery.versionId]);
    expect(
      await db.participation.findFirstOrThrow({
        where: { volunteerId: outcome.volunteerId, studyId: midwifery.studyId },
      }),
    ).toMatchObject({ eligibility: "INELIGIBLE", eligibilityRulesVersionId: midwifery.rulesVersionId });
  });

  it("refuses a page drawn from an older version, a page of a study not chosen and another page's answers, saving nothing", async () => {
    const midwifery = await addMidwiferyStudy();
    const { token } = await createDraft();
    currentToken = token;
    await post(token, "about-you", { fullName: "Mary Seacole", email: "mary.seacole@nhs.net", phone: "" });
    await post(token, "choose-studies", { studies: ["midwifery-study"] });
    const before = (await findDraft(token))!;
    const studies = await listRecruitingStudies();

    const stale = await saveStepPost(
      before,
      studies,
      "your-midwifery",
      form({ yearsQualified: "12", settings: "hospital", [QUESTION_SET_VERSION_FIELD]: crypto.randomUUID() }),
      false,
    );
    expect(stale).toEqual({ kind: "refused", reason: "stale-version" });
    const missing = await saveStepPost(before, studies, "your-midwifery", form({ yearsQualified: "12" }), false);
    expect(missing).toEqual({ kind: "refused", reason: "stale-version" });

    const notChosen = await saveStepPost(
      before,
      studies,
      "your-work",
      form({ ...callWork, [QUESTION_SET_VERSION_FIELD]: studies[0]!.questionSet.versionId }),
      false,
    );
    expect(notChosen).toEqual({ kind: "refused", reason: "page-not-chosen" });

    const foreign = await saveStepPost(
      before,
      studies,
      "your-midwifery",
      form({
        yearsQualified: "12",
        settings: "hospital",
        staffGroup: "nurse",
        [QUESTION_SET_VERSION_FIELD]: midwifery.versionId,
      }),
      false,
    );
    expect(foreign).toEqual({ kind: "refused", reason: "foreign-answers" });
    expect((await findDraft(token))!.answers).toEqual(before.answers);

    // Bad answers name the problem and save nothing either.
    const bad = await saveStepPost(
      before,
      studies,
      "your-midwifery",
      form({
        yearsQualified: "twelve",
        settings: "submarine",
        qualifiedOn: "31/2/2020",
        [QUESTION_SET_VERSION_FIELD]: midwifery.versionId,
      }),
      false,
    );
    expect(bad).toMatchObject({
      kind: "invalid",
      errors: {
        yearsQualified: "Enter a whole number",
        settings: "Select settings from the options listed",
        qualifiedOn: "Enter a real date",
      },
    });
    expect((await findDraft(token))!.answers).toEqual(before.answers);
  });

  it("sends the final submit back when a set answered has a newer published version, storing nothing", async () => {
    const midwifery = await addMidwiferyStudy();
    const db = testDb();
    const { token } = await createDraft();
    currentToken = token;
    await post(token, "about-you", { fullName: "Mary Seacole", email: "mary.seacole@nhs.net", phone: "" });
    await post(token, "choose-studies", { studies: ["midwifery-study"] });
    await post(token, "your-midwifery", {
      yearsQualified: "12",
      settings: "hospital",
      [QUESTION_SET_VERSION_FIELD]: midwifery.versionId,
    });
    await post(token, "taking-part", { heardFrom: "thet", contactConsent: "yes", privacyAcknowledged: "yes" });
    expect(checkDraftForSubmit(await listRecruitingStudies(), (await findDraft(token))!.answers).kind).toBe("ready");

    const newer = await db.questionSetVersion.create({
      data: { questionSetId: midwifery.setId, version: 2, definition: midwiferyQuestions, publishedAt: new Date() },
    });
    const studies = await listRecruitingStudies();
    expect(await currentVersionOf("your-midwifery")).toBe(newer.id);
    const answers = (await findDraft(token))!.answers;
    expect(checkDraftForSubmit(studies, answers)).toEqual({ kind: "questions-changed" });
    const expressions = await db.expressionOfInterest.count();
    expect(await db.volunteer.count({ where: { emailNormalised: "mary.seacole@nhs.net" } })).toBe(0);
    expect(await db.expressionOfInterest.count()).toBe(expressions);

    // The page, drawn again from the new version, is answered once more; then the registration goes through.
    const stale = await saveStepPost(
      (await findDraft(token))!,
      studies,
      "your-midwifery",
      form({ yearsQualified: "12", settings: "hospital", [QUESTION_SET_VERSION_FIELD]: midwifery.versionId }),
      false,
    );
    expect(stale).toEqual({ kind: "refused", reason: "stale-version" });
    await post(token, "your-midwifery", {
      yearsQualified: "12",
      settings: "hospital",
      [QUESTION_SET_VERSION_FIELD]: newer.id,
    });
    expect(checkDraftForSubmit(studies, (await findDraft(token))!.answers).kind).toBe("ready");
  });

  it("does not offer a study whose question set has no published version", async () => {
    const db = testDb();
    const set = await db.questionSet.create({ data: { slug: "unpublished", title: "Unpublished" } });
    await db.questionSetVersion.create({ data: { questionSetId: set.id, version: 1, definition: midwiferyQuestions } });
    await db.study.create({
      data: {
        slug: "not-ready",
        kind: "INTERVIEW",
        title: "Not ready",
        shortTitle: "Not ready",
        summary: "x",
        whatTakingPartInvolves: "x",
        status: "RECRUITING",
        eligibilityRules: { criteria: [] },
        questionSetId: set.id,
        contactName: "x",
        contactEmail: "x@example.ac.uk",
      },
    });
    expect((await listRecruitingStudies()).map((s) => s.slug)).toEqual(["interview-study", "workshops"]);
  });
});
