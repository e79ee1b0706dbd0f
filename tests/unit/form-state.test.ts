import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorSummary, firstErrorPerField, formValues } from "@/lib/forms/form-state";
import { consentValues } from "@/lib/consent/consent-form-state";
import { studySettingsFields, studySettingsFormSchema } from "@/lib/studies/study-settings-form";

function post(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("form values", () => {
  it("are the named fields as text, empty when not posted, and nothing else", () => {
    const data = post([
      ["name", "Ada"],
      ["role", "ADMIN"],
      ["role", "RESEARCHER"],
      ["isAdmin", "true"],
    ]);
    expect(formValues(data, ["name", "email", "role"])).toEqual({ name: "Ada", email: "", role: "ADMIN" });
  });

  it("count a file as not posted, never as its name or contents", () => {
    expect(formValues(post([["content", new Blob(["<script>"])]]), ["content"])).toEqual({ content: "" });
  });

  it("keep every value of a list field, in the order posted, and an empty list when none is ticked", () => {
    const data = post([
      ["studies", "interviews"],
      ["studies", "workshops"],
      ["studies", new Blob(["x"])],
      ["heardFrom", "colleague"],
    ]);
    expect(formValues(data, ["studies", "heardFrom"], { lists: ["studies"] })).toEqual({
      studies: ["interviews", "workshops"],
      heardFrom: "colleague",
    });
    expect(formValues(new FormData(), ["studies", "heardFrom"], { lists: ["studies"] })).toEqual({
      studies: [],
      heardFrom: "",
    });
  });

  it("for the consent form, are the statements and the typed name as posted", () => {
    const data = post([
      ["consentFormId", "f1"],
      ["step", "review"],
      ["statement-a", "yes"],
      ["statement-b", "no"],
      ["signedName", "Ada Lovelace"],
      ["isAdmin", "true"],
    ]);
    expect(consentValues(data)).toEqual({ "statement-a": "yes", "statement-b": "no", signedName: "Ada Lovelace" });
  });
});

describe("the first error per field", () => {
  const schema = z.object({
    email: z.string().min(1, "Enter your email address").regex(/@/, "Enter an email address in the correct format"),
    studies: z.array(z.string().max(3, "Choose a study from the list")).min(1, "Choose at least one study"),
    address: z.object({ postcode: z.string().min(1, "Enter your postcode") }),
  });

  it("keeps the first message of each field, one per field however many issues it has", () => {
    const parsed = schema.safeParse({ email: "", studies: ["toolong", "alsotoolong"], address: { postcode: "" } });
    expect(parsed.success).toBe(false);
    // Two issues each for the email and the studies, so only the first of each may show.
    expect(parsed.error!.issues.filter((i) => i.path[0] === "email")).toHaveLength(2);
    expect(parsed.error!.issues.filter((i) => i.path[0] === "studies")).toHaveLength(2);
    expect(firstErrorPerField(parsed.error!)).toEqual({
      email: "Enter your email address",
      studies: "Choose a study from the list",
      address: "Enter your postcode",
    });
  });

  it("files an issue inside a field under the field, and one about the whole form under 'form'", () => {
    const error = new z.ZodError([
      { code: "custom", path: ["address", "postcode"], message: "Enter your postcode", input: "" },
      { code: "custom", path: ["studies", 1], message: "Choose a study from the list", input: "" },
      { code: "custom", path: [], message: "Something is wrong with the form", input: {} },
      { code: "custom", path: ["address", "town"], message: "Enter your town", input: "" },
    ]);
    expect(firstErrorPerField(error)).toEqual({
      address: "Enter your postcode",
      studies: "Choose a study from the list",
      form: "Something is wrong with the form",
    });
  });
});

describe("the error summary", () => {
  it("lists errors in the form's order, each linking to its field, and does not lose one the order misses", () => {
    const errors = { role: "Choose a role", form: "Try again", email: "Enter an email address" };
    expect(errorSummary(errors, ["name", "email", "role"])).toEqual([
      { href: "#email", text: "Enter an email address" },
      { href: "#role", text: "Choose a role" },
      { href: "#form", text: "Try again" },
    ]);
    expect(errorSummary({}, ["name"])).toEqual([]);
  });
});

describe("the study settings form's fields", () => {
  it("come from its schema, in the order the form shows them, without the version it was opened with", () => {
    expect(Object.keys(studySettingsFormSchema.shape)).toEqual([...studySettingsFields, "expectedUpdatedAt"]);
    expect(studySettingsFields).toEqual([
      "status",
      "targetMin",
      "targetMax",
      "invitationMode",
      "consentRequired",
      "considerationPeriodHours",
      "reminderAfterDays",
      "retentionDays",
      "interviewBookingCutoffHours",
      "workshopOfferHours",
      "contactName",
      "contactEmail",
    ]);
  });
});
