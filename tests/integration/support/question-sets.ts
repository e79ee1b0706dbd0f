import type { QuestionSetDefinition } from "@/lib/questions/definition";
import { testDb } from "./test-db";

/**
 * A second question set, of every kind the call's set lacks (several choices, a date, a number), for tests
 * of what is generated from the published questions. Its codes differ from the call's, as the codes of
 * sets recruiting at the same time must.
 */
export const secondSetDefinition: QuestionSetDefinition = {
  pages: [
    {
      slug: "your-practice",
      title: "Your practice",
      questions: [
        {
          code: "settings",
          kind: "several-choices",
          label: "Where do you work?",
          shortLabel: "Work settings",
          required: true,
          options: [
            { code: "hospital", label: "In a hospital" },
            { code: "community", label: "In the community" },
            { code: "primary-care", label: "In primary care" },
          ],
        },
        {
          code: "supervisesStudents",
          kind: "yes-no",
          label: "Do you supervise students?",
          shortLabel: "Supervises students",
          required: true,
          options: [
            { code: "yes", label: "Yes" },
            { code: "no", label: "No" },
          ],
        },
        { code: "qualifiedOn", kind: "date", label: "When did you qualify?", shortLabel: "Qualified", required: false },
        {
          code: "yearsInPost",
          kind: "number",
          label: "How many years have you been in post?",
          shortLabel: "Years in post",
          required: false,
          min: 0,
          max: 60,
        },
        { code: "notes", kind: "short-text", label: "Anything else?", shortLabel: "Notes", required: false },
      ],
    },
  ],
};

/** Makes the second set, publishes its version 1, and gives it to the study with this slug. */
export async function useSecondQuestionSet(studySlug: string): Promise<{ questionSetId: string; versionId: string }> {
  const db = testDb();
  const set = await db.questionSet.create({ data: { slug: "practice-2027", title: "Practice study (2027)" } });
  const version = await db.questionSetVersion.create({
    data: { questionSetId: set.id, version: 1, definition: secondSetDefinition, publishedAt: new Date() },
  });
  await db.study.update({ where: { slug: studySlug }, data: { questionSetId: set.id } });
  return { questionSetId: set.id, versionId: version.id };
}
