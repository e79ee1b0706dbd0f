"use client";

import { Checkboxes, Radios, TextInput } from "@/components/nhs";
import { heardFromOptions, regionOptions, workshopFormatOptions } from "@/lib/registration/questions";
import { takingPartSchema, takingPartWithoutStudiesSchema, type StudyChoice } from "@/lib/registration/schema";
import { ContinueButton, Honeypot, StepErrors, StepHeading } from "./StepFormParts";
import { useHasJavaScript, useStepForm, type StepAction } from "./use-step-form";

const FIELDS = [
  "studies",
  "workshopFormat",
  "workshopRegion",
  "heardFrom",
  "heardFromOther",
  "contactConsent",
  "privacyAcknowledged",
] as const;

export type StudyOption = StudyChoice & { title: string; summary: string };

/** The studies on offer, as boxes to tick: on "Taking part", or on "Choose studies" when sets differ. */
export function StudyCheckboxes({
  studies,
  defaultValue,
  error,
  registration,
}: {
  studies: readonly StudyOption[];
  defaultValue: string[];
  error: string | undefined;
  registration: ReturnType<ReturnType<typeof useStepForm>["form"]["register"]>;
}) {
  return (
    <Checkboxes
      id="studies"
      legend="Which studies are you interested in?"
      legendSize="s"
      hint={
        studies.length === 2
          ? "Select all that apply. You can take part in either study or both."
          : "Select all that apply. You can take part in one study or several."
      }
      items={studies.map((s) => ({ value: s.slug, label: s.title, hint: s.summary }))}
      defaultValue={defaultValue}
      error={error}
      {...registration}
    />
  );
}

export function TakingPartForm({
  action,
  saved,
  caption,
  studies,
  withStudyChoice = true,
}: {
  action: StepAction;
  saved: Record<string, unknown>;
  caption: string;
  studies: StudyOption[];
  /** False when the studies were chosen on their own page ("Choose studies"). */
  withStudyChoice?: boolean;
}) {
  const schema = withStudyChoice ? takingPartSchema(studies) : takingPartWithoutStudiesSchema(studies);
  const { form, errors, pending, formAction, onSubmit, text, list } = useStepForm(schema, action, saved);
  const enhanced = useHasJavaScript();
  const chosen = [form.watch("studies") ?? []].flat().map(String);
  const workshopSlugs = studies.filter((s) => s.kind === "WORKSHOP").map((s) => s.slug);
  const offersWorkshops = withStudyChoice ? workshopSlugs.length > 0 : wantsWorkshopSaved(saved, workshopSlugs);
  const wantsWorkshop = chosen.some((s) => workshopSlugs.includes(s));
  const format = String(form.watch("workshopFormat") ?? "");
  const showWorkshop =
    offersWorkshops && (!enhanced || wantsWorkshop || Boolean(errors.workshopFormat || errors.workshopRegion));
  const showWorkshopRegion =
    !enhanced || (wantsWorkshop && format !== "" && format !== "online") || Boolean(errors.workshopRegion);
  const showHeardOther = !enhanced || form.watch("heardFrom") === "other" || Boolean(errors.heardFromOther);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <StepErrors errors={errors} fieldOrder={FIELDS} />
      <StepHeading caption={caption}>Taking part</StepHeading>
      {withStudyChoice ? (
        <StudyCheckboxes
          studies={studies}
          defaultValue={list("studies")}
          error={errors.studies}
          registration={form.register("studies")}
        />
      ) : null}
      {showWorkshop ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          {enhanced ? null : <p className="nhsuk-hint">Only if you are interested in the workshops.</p>}
          <Radios
            id="workshopFormat"

            legend="How would you like to attend a workshop?"
            legendSize="s"
            items={[...workshopFormatOptions]}
            defaultValue={text("workshopFormat")}
            error={errors.workshopFormat}
            {...form.register("workshopFormat")}
          />
          {showWorkshopRegion ? (
            <Radios
              id="workshopRegion"

              legend="Where could you attend a workshop in person?"
              legendSize="s"
              hint={enhanced ? undefined : "Only if you could attend in person."}
              items={[...regionOptions]}
              small
              defaultValue={text("workshopRegion")}
              error={errors.workshopRegion}
              {...form.register("workshopRegion")}
            />
          ) : null}
        </div>
      ) : null}
      <Radios
        id="heardFrom"

        legend="How did you hear about the research?"
        legendSize="s"
        items={[...heardFromOptions]}
        defaultValue={text("heardFrom")}
        error={errors.heardFrom}
        {...form.register("heardFrom")}
      />
      {showHeardOther ? (
        <TextInput
          id="heardFromOther"
          label="Where did you hear about it?"
          labelSize="s"
          hint={enhanced ? undefined : "Only if you chose somewhere else."}
          defaultValue={text("heardFromOther")}
          error={errors.heardFromOther}
          {...form.register("heardFromOther")}
        />
      ) : null}
      <Checkboxes
        id="contactConsent"

        legend="Contacting you"
        legendSize="s"
        items={[{ value: "yes", label: "I agree that the study team may contact me about the studies I have chosen" }]}
        defaultValue={list("contactConsent")}
        error={errors.contactConsent}
        {...form.register("contactConsent")}
      />
      <Checkboxes
        id="privacyAcknowledged"

        legend="Your information"
        legendSize="s"
        hint={
          <>
            The privacy notice explains how we use and protect your information.{" "}
            <a href="/privacy" target="_blank" rel="noopener">
              Read the privacy notice (opens in a new tab)
            </a>
          </>
        }
        items={[{ value: "yes", label: "I have read the privacy notice" }]}
        defaultValue={list("privacyAcknowledged")}
        error={errors.privacyAcknowledged}
        {...form.register("privacyAcknowledged")}
      />
      <Honeypot />
      <ContinueButton pending={pending} />
    </form>
  );
}

/** When the studies were chosen earlier, the workshop questions show only if a workshop study was chosen. */
function wantsWorkshopSaved(saved: Record<string, unknown>, workshopSlugs: readonly string[]): boolean {
  const chosen = Array.isArray(saved.studies) ? saved.studies.map(String) : [];
  return chosen.some((s) => workshopSlugs.includes(s));
}
