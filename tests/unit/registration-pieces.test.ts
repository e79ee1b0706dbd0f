import { describe, expect, it } from "vitest";
import { renderRegistrationConfirmation } from "@/lib/email/templates/registration-confirmation";
import { summariseAnswers } from "@/lib/registration/answer-summary";
import { stepValues } from "@/lib/registration/step-values";
import { nextStepsFor, type StudyOutcome } from "@/lib/registration/next-steps";
import { currentCallDefinition } from "@/lib/questions/current-call";
import { firstIncompleteStep, journeySteps, nextStepPath, PAGE_VERSIONS_KEY } from "@/lib/registration/journey";
import { validAnswers } from "../support/registration-answers";

const studies = [
  { slug: "interview-study", kind: "INTERVIEW", title: "Interview study" },
  { slug: "workshops", kind: "WORKSHOP", title: "Workshops" },
] as const;

const interviewOutcome: StudyOutcome = {
  slug: "interview-study",
  title: "Interview study",
  kind: "INTERVIEW",
  invitationMode: "AFTER_TRIAGE",
  eligible: true,
  reasons: [],
};

describe("form values from a post", () => {
  it("takes only the step's fields, every ticked study, and no files", () => {
    const data = new FormData();
    data.append("fullName", "Ada");
    data.append("studies", "interview-study");
    data.append("studies", "workshops");
    data.append("isAdmin", "true");
    data.append("email", new Blob(["x"]), "file.txt");
    expect(stepValues(data, ["fullName", "email", "studies"])).toEqual({
      fullName: "Ada",
      studies: ["interview-study", "workshops"],
    });
  });
});

describe("the order of the steps", () => {
  const questionSet = { questionSetId: "set-1", versionId: "version-1", definition: currentCallDefinition };
  const withSets = studies.map((s) => ({ ...s, questionSet }));
  const answered = {
    ...validAnswers,
    [PAGE_VERSIONS_KEY]: { "your-work": "version-1", "international-experience": "version-1" },
  };
  const first = (answers: Record<string, unknown>, offered: typeof withSets) =>
    firstIncompleteStep(offered, answers)?.slug ?? "check-answers";

  it("finds the first step still to answer", () => {
    expect(first({}, withSets)).toBe("about-you");
    expect(first({ fullName: "Ada", email: "a@b.nhs.uk" }, withSets)).toBe("your-work");
    expect(first(answered, withSets)).toBe("check-answers");
    // A study that stopped recruiting sends the person back to choose again.
    expect(first(answered, [withSets[0]!])).toBe("taking-part");
  });

  it("leads from the last step to checking the answers", () => {
    const steps = journeySteps(withSets, answered);
    expect(nextStepPath(steps, "about-you")).toBe("/register/your-work");
    expect(nextStepPath(steps, "taking-part")).toBe("/register/check-answers");
  });
});

describe("the answers in words", () => {
  it("shows labels, not codes, and leaves out what did not apply", () => {
    const sections = summariseAnswers(
      {
        ...validAnswers,
        ihpParticipation: "never",
        studies: ["interview-study"],
        workshopFormat: undefined,
        workshopRegion: undefined,
      },
      studies,
    );
    const rows = Object.fromEntries(sections.flatMap((s) => s.rows.map((r) => [r.field, r.answer])));
    expect(rows.staffGroup).toBe("Nurse or health visitor");
    expect(rows.ihpParticipation).toBe("No, never");
    expect(rows).not.toHaveProperty("partnershipName");
    expect(rows).not.toHaveProperty("workshopFormat");
    expect(rows.studies).toBe("Interview study");
    expect(rows.phone).toBe("Not given");
  });
});

describe("what happens next", () => {
  it("depends on eligibility, the kind of study and how invitations are sent", () => {
    expect(nextStepsFor(interviewOutcome, "team@example.org").join(" ")).toMatch(/look at your answers.*interview/);
    expect(nextStepsFor({ ...interviewOutcome, invitationMode: "AUTOMATIC" }, "x").join(" ")).toMatch(
      /^We will email you the participant information sheet/,
    );
    expect(nextStepsFor({ ...interviewOutcome, eligible: false }, "team@example.org").join(" ")).toContain(
      "team@example.org",
    );
  });
});

describe("the confirmation email", () => {
  const email = renderRegistrationConfirmation({
    fullName: `Ada "<b>" O'Brien`,
    outcomes: [
      interviewOutcome,
      {
        ...interviewOutcome,
        slug: "workshops",
        title: "Workshops",
        kind: "WORKSHOP",
        eligible: false,
        reasons: ["You told us you do not work in the NHS now."],
      },
    ],
    contactName: "Mark Skopec",
    contactEmail: "mark.skopec17@imperial.ac.uk",
    publicUrl: "https://portal.example.ac.uk",
    manageUrl: "https://portal.example.ac.uk/my-participation",
  });

  it("says the same in plain text and HTML, with reasons", () => {
    for (const part of [email.text, email.html]) {
      expect(part).toContain("Interview study");
      expect(part).toContain("You cannot take part in this study, because:");
      expect(part).toContain("mark.skopec17@imperial.ac.uk");
      expect(part).toContain("Manage your participation");
      expect(part).toContain("https://portal.example.ac.uk/my-participation");
    }
    expect(email.text).toContain(`Dear Ada "<b>" O'Brien,`);
  });

  it("escapes what people typed and carries no images or tracking", () => {
    expect(email.html).toContain("Dear Ada &quot;&lt;b&gt;&quot; O&#39;Brien,");
    expect(email.html).not.toMatch(/<img|<script|https?:\/\/[^"\s<]*\.(gif|png)/i);
    expect(email.html).toContain('<html lang="en-GB">');
  });
});
