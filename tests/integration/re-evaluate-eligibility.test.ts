import { beforeEach, describe, expect, it } from "vitest";
import { NotAllowedError } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import { seedDatabase } from "@/lib/db/seed";
import { ActionError } from "@/lib/forms/action-error";
import { RESERVED_CODES } from "@/lib/questions/definition";
import {
  outcomeChangesUnder,
  reEvaluateEligibility,
  reEvaluationPlan,
  ruleChangeNeedsWarning,
} from "@/lib/studies/re-evaluate-eligibility";
import { updateEligibilityRules } from "@/lib/studies/update-eligibility-rules";
import { validAnswers } from "../support/registration-answers";
import { invitedPerson, participationOf, registerPerson } from "./support/participants";
import { aResearcher } from "./support/researchers";
import { testDb } from "./support/test-db";

let admin: Researcher;
let researcher: Researcher;

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
  admin = await aResearcher("ADMIN");
  researcher = await aResearcher("RESEARCHER");
});

const interview = () => testDb().study.findUniqueOrThrow({ where: { slug: "interview-study" } });

/** A person's latest screening answers, as registering leaves them: the answers less the journey's fields. */
function screening(overrides: Record<string, unknown> = {}) {
  const answers: Record<string, unknown> = { ...validAnswers, ...overrides };
  for (const code of RESERVED_CODES) delete answers[code];
  return answers;
}

async function withAnswers(volunteerId: string, answers: Record<string, unknown>) {
  await testDb().volunteer.update({ where: { id: volunteerId }, data: { screeningAnswers: answers as object } });
}

/**
 * Six people registered for the interview study, each stored as the rules decided when they registered,
 * whose latest answers now say otherwise for all but the first.
 */
async function sixPeople() {
  const unchanged = await registerPerson();
  await withAnswers(unchanged, screening());
  const nowIneligible = await registerPerson();
  await withAnswers(nowIneligible, screening({ introducedLearning: "no" }));
  const nowEligible = await registerPerson({ introducedLearning: "no" });
  await withAnswers(nowEligible, screening());
  const invited = (await invitedPerson()).volunteerId;
  await withAnswers(invited, screening({ introducedLearning: "no" }));
  const overridden = await registerPerson({ introducedLearning: "no" });
  await withAnswers(overridden, screening());
  await testDb().participation.update({
    where: { id: (await participationOf(overridden)).id },
    data: { eligibilityOverride: "INELIGIBLE", overrideReason: "Checked by phone", overriddenById: admin.id },
  });
  const erased = await registerPerson();
  await testDb().volunteer.update({ where: { id: erased }, data: { erasedAt: new Date(), screeningAnswers: {} } });
  return { unchanged, nowIneligible, nowEligible, invited, overridden, erased };
}

const snapshot = async () =>
  (await testDb().participation.findMany({ orderBy: { id: "asc" } })).map((p) => ({
    id: p.id,
    status: p.status,
    eligibility: p.eligibility,
    reasons: p.eligibilityReasons,
    version: p.eligibilityRulesVersionId,
  }));

describe("checking everyone again against the current rules", () => {
  it("counts what would change, changing nothing until confirmed", async () => {
    await sixPeople();
    const study = await interview();
    const before = await snapshot();
    const events = await testDb().auditEvent.count();
    const plan = await reEvaluationPlan(testDb(), admin, study.id);
    expect(plan).toMatchObject({ toEligible: 1, toIneligible: 1, leftAsTheyAre: 2 });
    expect(await snapshot()).toEqual(before);
    expect(await testDb().auditEvent.count()).toBe(events);
  });

  it("changes only the people whose status still follows their answers, each audited, with a summary", async () => {
    const people = await sixPeople();
    const study = await interview();
    const plan = await reEvaluationPlan(testDb(), admin, study.id);
    const others = async () =>
      Promise.all(
        [people.unchanged, people.invited, people.overridden, people.erased].map(async (v) => {
          const p = await participationOf(v);
          return { status: p.status, eligibility: p.eligibility, version: p.eligibilityRulesVersionId };
        }),
      );
    const othersBefore = await others();

    const result = await reEvaluateEligibility(testDb(), admin, {
      studyId: study.id,
      expectedRulesVersion: plan.rulesVersion,
    });
    expect(result).toMatchObject({ changed: 2, toEligible: 1, toIneligible: 1, leftAsTheyAre: 2 });
    const version = await testDb().eligibilityRuleVersion.findFirstOrThrow({
      where: { studyId: study.id },
      orderBy: { version: "desc" },
    });
    expect(result.rulesVersion).toBe(version.version);

    const lost = await participationOf(people.nowIneligible);
    expect(lost).toMatchObject({
      status: "INELIGIBLE",
      eligibility: "INELIGIBLE",
      eligibilityRulesVersionId: version.id,
    });
    expect(lost.eligibilityReasons).toHaveLength(1);
    const gained = await participationOf(people.nowEligible);
    expect(gained).toMatchObject({
      status: "ELIGIBLE",
      eligibility: "ELIGIBLE",
      eligibilityRulesVersionId: version.id,
    });
    expect(gained.eligibilityReasons).toEqual([]);
    expect(await others()).toEqual(othersBefore);

    const changes = await testDb().auditEvent.findMany({
      where: { action: "participation.eligibility_reevaluated" },
      orderBy: { subjectId: "asc" },
    });
    expect(
      changes.map((e) => ({ subject: e.subjectId, data: e.data })).sort((a, b) => a.subject!.localeCompare(b.subject!)),
    ).toEqual(
      [
        {
          subject: lost.id,
          data: {
            from: "ELIGIBLE",
            to: "INELIGIBLE",
            fromStatus: "ELIGIBLE",
            toStatus: "INELIGIBLE",
            rulesVersion: version.version,
            rulesVersionId: version.id,
          },
        },
        {
          subject: gained.id,
          data: {
            from: "INELIGIBLE",
            to: "ELIGIBLE",
            fromStatus: "INELIGIBLE",
            toStatus: "ELIGIBLE",
            rulesVersion: version.version,
            rulesVersionId: version.id,
          },
        },
      ].sort((a, b) => a.subject.localeCompare(b.subject)),
    );
    const summary = await testDb().auditEvent.findFirstOrThrow({ where: { action: "study.eligibility_reevaluated" } });
    expect(summary).toMatchObject({ subjectId: study.id, actorId: admin.id });
    expect(summary.data).toEqual({
      rulesVersion: version.version,
      rulesVersionId: version.id,
      changed: 2,
      toEligible: 1,
      toIneligible: 1,
      leftAsTheyAre: 2,
    });

    // Once done, there is nothing left to change.
    expect(await reEvaluationPlan(testDb(), admin, study.id)).toMatchObject({ toEligible: 0, toIneligible: 0 });
  });

  it("refuses when the rules changed since the numbers were shown, changing nothing", async () => {
    await sixPeople();
    const study = await interview();
    const plan = await reEvaluationPlan(testDb(), admin, study.id);
    await updateEligibilityRules(testDb(), admin, {
      studyId: study.id,
      rules: {
        criteria: [
          {
            id: "works-in-the-nhs",
            description: "You work in the NHS",
            unmetReason: "This study is for people who work in the NHS.",
            condition: { answer: "worksInNhsNow", oneOf: ["yes"] },
          },
        ],
      },
      expectedUpdatedAt: study.updatedAt,
    });
    const before = await snapshot();
    await expect(
      reEvaluateEligibility(testDb(), admin, { studyId: study.id, expectedRulesVersion: plan.rulesVersion }),
    ).rejects.toThrow(ActionError);
    expect(await snapshot()).toEqual(before);
    expect(await testDb().auditEvent.count({ where: { action: "study.eligibility_reevaluated" } })).toBe(0);
  });

  it("is for admins only", async () => {
    await sixPeople();
    const study = await interview();
    const before = await snapshot();
    await expect(reEvaluationPlan(testDb(), researcher, study.id)).rejects.toThrow(NotAllowedError);
    await expect(
      reEvaluateEligibility(testDb(), researcher, { studyId: study.id, expectedRulesVersion: 1 }),
    ).rejects.toThrow(NotAllowedError);
    await expect(outcomeChangesUnder(testDb(), researcher, study.id, { criteria: [] })).rejects.toThrow(
      NotAllowedError,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe("the warning before saving new rules", () => {
  it("counts, against everyone's latest answers, whose stored outcome the new rules would decide the other way", async () => {
    await sixPeople();
    const study = await interview();
    expect(await ruleChangeNeedsWarning(testDb(), study.id)).toBe(true);
    // Only "works in the NHS now": everyone not erased would be eligible, so the two stored as not eligible
    // (one overridden) would now be eligible; the erased person is not counted.
    const changes = await outcomeChangesUnder(testDb(), admin, study.id, {
      criteria: [
        {
          id: "works-in-the-nhs",
          description: "You work in the NHS",
          unmetReason: "This study is for people who work in the NHS.",
          condition: { answer: "worksInNhsNow", oneOf: ["yes"] },
        },
      ],
    });
    expect(changes).toEqual({ total: 5, nowEligible: 2, nowIneligible: 0 });
    // Counting changes nothing.
    expect(await testDb().auditEvent.count({ where: { action: { contains: "eligib" } } })).toBe(0);
  });
});
