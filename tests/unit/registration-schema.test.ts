import { describe, expect, it } from "vitest";
import { validAnswers } from "../support/registration-answers";
import { pageAnswerSchema, questionsBefore } from "@/lib/questions/answer-schema";
import { currentCallDefinition } from "@/lib/questions/current-call";
import { aboutYouSchema, registrationSchema, takingPartSchema } from "@/lib/registration/schema";

/** The call's pages, now generated from its question set (lib/questions/current-call.ts). */
function callPageSchema(slug: string) {
  const page = currentCallDefinition.pages.find((p) => p.slug === slug)!;
  return pageAnswerSchema(page, questionsBefore(currentCallDefinition, slug));
}
const yourWorkSchema = callPageSchema("your-work");
const internationalExperienceSchema = callPageSchema("international-experience");

const studies = [
  { slug: "interview-study", kind: "INTERVIEW" },
  { slug: "workshops", kind: "WORKSHOP" },
] as const;

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("the whole registration", () => {
  it("accepts a complete set of answers and trims them", () => {
    const parsed = registrationSchema(studies).parse({ ...validAnswers, fullName: "  Ada Lovelace  " });
    expect(parsed.fullName).toBe("Ada Lovelace");
    expect(parsed.phone).toBeUndefined();
    expect(parsed).not.toHaveProperty("website");
  });

  it("keeps no workshop answers when the workshops were not chosen", () => {
    const parsed = registrationSchema(studies).parse({ ...validAnswers, studies: ["interview-study"] });
    expect(parsed.workshopFormat).toBeUndefined();
    expect(parsed.workshopRegion).toBeUndefined();
  });

  it("names every missing answer", () => {
    const result = registrationSchema(studies).safeParse({});
    expect(messages(result)).toMatchObject({
      fullName: "Enter your full name",
      email: "Enter your email address",
      worksInNhsNow: "Select yes if you work in the NHS now",
      staffGroup: "Select your staff group",
      jobTitle: "Enter your role or job title",
      region: "Select the region you work in",
      ihpParticipation: "Select whether you have taken part in a THET-funded international health partnership",
      otherVolunteering: "Select whether you have done other international volunteering",
      studies: "Select at least one study you are interested in",
      heardFrom: "Select how you heard about the research",
      contactConsent: "Confirm that the study team may contact you about the studies you chose",
      privacyAcknowledged: "Confirm that you have read the privacy notice",
    });
  });
});

describe("names", () => {
  it.each([
    "Siân O'Brien-Jones",
    "Zoë Ångström",
    "José María Pérez",
    "Nguyễn Thị Minh",
    "李小龍",
    "محمد عبد الله",
    "Ólafur Þór",
    "D'Arcy",
    "A",
  ])("accepts %s", (fullName) => {
    expect(aboutYouSchema.safeParse({ fullName, email: "a@b.nhs.uk" }).success).toBe(true);
  });

  it.each([
    ["only punctuation", "--- ''"],
    ["over 200 characters", "a".repeat(201)],
    ["a control character", "Ada\u0000Lovelace"],
    ["a line break", "Ada\nLovelace"],
  ])("rejects %s", (_label, fullName) => {
    expect(aboutYouSchema.safeParse({ fullName, email: "a@b.nhs.uk" }).success).toBe(false);
  });

  it("keeps markup as plain text, to be escaped wherever it is shown", () => {
    const parsed = aboutYouSchema.parse({ fullName: "<script>alert('x')</script> Ada", email: "a@b.nhs.uk" });
    expect(parsed.fullName).toBe("<script>alert('x')</script> Ada");
  });
});

describe("email and phone", () => {
  it.each(["not-an-email", "ada@", "@nhs.net", "ada lovelace@nhs.net", `${"a".repeat(250)}@nhs.net`])(
    "rejects the email %s",
    (email) => {
      const result = aboutYouSchema.safeParse({ fullName: "Ada", email });
      expect(result.success).toBe(false);
    },
  );

  it("explains the format of an email address", () => {
    expect(messages(aboutYouSchema.safeParse({ fullName: "Ada", email: "ada.nhs.net" })).email).toBe(
      "Enter an email address in the correct format, like name@example.com",
    );
  });

  it.each(["07700 900982", "+44 (0)20 7946 0958", "020-7946-0958"])("accepts the phone number %s", (phone) => {
    expect(aboutYouSchema.safeParse({ fullName: "Ada", email: "a@b.nhs.uk", phone }).success).toBe(true);
  });

  it.each(["123", "call me", "0".repeat(41)])("rejects the phone number %s", (phone) => {
    expect(aboutYouSchema.safeParse({ fullName: "Ada", email: "a@b.nhs.uk", phone }).success).toBe(false);
  });
});

describe("your work", () => {
  const work = { worksInNhsNow: "yes", employer: "NHS Trust", staffGroup: "doctor", jobTitle: "GP", region: "wales" };

  it("asks for the employer of someone who works in the NHS now", () => {
    expect(messages(yourWorkSchema.safeParse({ ...work, employer: " " })).employer).toBe(
      "Enter the NHS trust or organisation you work for",
    );
    expect(yourWorkSchema.safeParse({ ...work, worksInNhsNow: "no", employer: "" }).success).toBe(true);
  });

  it("accepts only the listed staff groups and regions", () => {
    expect(yourWorkSchema.safeParse({ ...work, staffGroup: "astronaut" }).success).toBe(false);
    expect(yourWorkSchema.safeParse({ ...work, region: "atlantis" }).success).toBe(false);
  });
});

describe("international experience", () => {
  const experience = {
    ihpParticipation: "current",
    partnershipName: "Partnership",
    partnershipCountry: "Malawi",
    otherVolunteering: "never",
    introducedLearning: "no",
  };

  it("asks for the partnership's name and country when someone took part", () => {
    const result = internationalExperienceSchema.safeParse({
      ...experience,
      partnershipName: "",
      partnershipCountry: "",
    });
    expect(messages(result)).toEqual({
      partnershipName: "Enter the name of the partnership",
      partnershipCountry: "Enter the country of the partnership",
    });
  });

  it("points out a contradiction: never in a partnership, yet a partnership named", () => {
    const result = internationalExperienceSchema.safeParse({
      ...experience,
      ihpParticipation: "never",
      partnershipCountry: "",
    });
    expect(messages(result)).toEqual({
      partnershipName:
        "You said you have never taken part in a THET-funded partnership. Delete the partnership name, or change your answer",
    });
  });

  it("limits the description to 1000 characters but allows line breaks", () => {
    expect(
      internationalExperienceSchema.safeParse({ ...experience, learningDescription: "x".repeat(1001) }).success,
    ).toBe(false);
    expect(internationalExperienceSchema.safeParse({ ...experience, learningDescription: "One.\nTwo." }).success).toBe(
      true,
    );
  });
});

describe("taking part", () => {
  const schema = takingPartSchema(studies);
  const base = {
    studies: ["interview-study"],
    heardFrom: "colleague",
    contactConsent: "yes",
    privacyAcknowledged: "yes",
  };

  it("accepts one study given as a single value, as a browser sends one ticked box", () => {
    expect(schema.safeParse({ ...base, studies: "interview-study" }).success).toBe(true);
  });

  it("refuses a study that is not offered", () => {
    expect(messages(schema.safeParse({ ...base, studies: ["interview-study", "secret-study"] })).studies).toBe(
      "Select from the studies listed",
    );
  });

  it("asks how and where someone would attend a workshop", () => {
    expect(messages(schema.safeParse({ ...base, studies: ["workshops"] })).workshopFormat).toBe(
      "Select how you would like to attend a workshop",
    );
    expect(
      messages(schema.safeParse({ ...base, studies: ["workshops"], workshopFormat: "either" })).workshopRegion,
    ).toBe("Select the region where you could attend a workshop in person");
    expect(schema.safeParse({ ...base, studies: ["workshops"], workshopFormat: "online" }).success).toBe(true);
  });

  it("asks where someone heard when they chose 'somewhere else'", () => {
    expect(messages(schema.safeParse({ ...base, heardFrom: "other" })).heardFromOther).toBe(
      "Tell us where you heard about the research",
    );
  });

  it("needs both agreements ticked", () => {
    expect(schema.safeParse({ ...base, contactConsent: false, privacyAcknowledged: undefined }).success).toBe(false);
    expect(schema.safeParse({ ...base, privacyAcknowledged: "no" }).success).toBe(false);
  });
});
