"use client";

import { Radios, TextInput, Textarea } from "@/components/nhs";
import { participationOptions, yesNoOptions } from "@/lib/registration/questions";
import { internationalExperienceSchema } from "@/lib/registration/schema";
import { ContinueButton, Honeypot, StepErrors, StepHeading } from "./StepFormParts";
import { useHasJavaScript, useStepForm, type StepAction } from "./use-step-form";

const FIELDS = [
  "ihpParticipation",
  "partnershipName",
  "partnershipCountry",
  "partnershipYears",
  "otherVolunteering",
  "introducedLearning",
  "learningDescription",
] as const;

export function InternationalExperienceForm({
  action,
  saved,
  caption,
}: {
  action: StepAction;
  saved: Record<string, unknown>;
  caption: string;
}) {
  const { form, errors, pending, formAction, onSubmit, text } = useStepForm(
    internationalExperienceSchema,
    action,
    saved,
  );
  // Without JavaScript every question shows, with hints saying when to answer it.
  const enhanced = useHasJavaScript();
  const tookPart = ["current", "past"].includes(String(form.watch("ihpParticipation") ?? ""));
  const showPartnership =
    !enhanced || tookPart || Boolean(errors.partnershipName || errors.partnershipCountry || errors.partnershipYears);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <StepErrors errors={errors} fieldOrder={FIELDS} />
      <StepHeading caption={caption}>Your international experience</StepHeading>
      <Radios
        id="ihpParticipation"

        legend="Have you taken part in a THET-funded international health partnership?"
        legendSize="s"
        hint="An international health partnership (IHP) links a UK health institution with one in another country. Include partnerships funded by THET through programmes such as the Health Partnership Scheme."
        items={[...participationOptions]}
        defaultValue={text("ihpParticipation")}
        error={errors.ihpParticipation}
        {...form.register("ihpParticipation")}
      />
      {showPartnership ? (
        <div className="nhsuk-inset-text" id="partnership-details">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          {enhanced ? null : <p className="nhsuk-hint">Only if you have taken part in a THET-funded partnership.</p>}
          <TextInput
            id="partnershipName"
            label="Name of the partnership"
            labelSize="s"
            hint="For example, the names of the UK and partner institutions."
            defaultValue={text("partnershipName")}
            error={errors.partnershipName}
            {...form.register("partnershipName")}
          />
          <TextInput
            id="partnershipCountry"
            label="Country of the partner institution"
            labelSize="s"
            autoComplete="off"
            defaultValue={text("partnershipCountry")}
            error={errors.partnershipCountry}
            {...form.register("partnershipCountry")}
          />
          <TextInput
            id="partnershipYears"
            label="Years you took part (optional)"
            labelSize="s"
            hint="For example, 2018 to 2020."
            width={20}
            defaultValue={text("partnershipYears")}
            error={errors.partnershipYears}
            {...form.register("partnershipYears")}
          />
        </div>
      ) : null}
      <Radios
        id="otherVolunteering"

        legend="Have you done other international volunteering?"
        legendSize="s"
        hint="Health-related volunteering in another country that was not part of a THET-funded partnership."
        items={[...participationOptions]}
        defaultValue={text("otherVolunteering")}
        error={errors.otherVolunteering}
        {...form.register("otherVolunteering")}
      />
      <Radios
        id="introducedLearning"

        legend="Have you had the opportunity to introduce learning from your international placement into your NHS work?"
        legendSize="s"
        inline
        items={[...yesNoOptions]}
        defaultValue={text("introducedLearning")}
        error={errors.introducedLearning}
        {...form.register("introducedLearning")}
      />
      <Textarea
        id="learningDescription"
        label="Briefly, what did you introduce? (optional)"
        labelSize="s"
        hint="A sentence or two is enough. Do not include any patient information."
        rows={4}
        defaultValue={text("learningDescription")}
        error={errors.learningDescription}
        {...form.register("learningDescription")}
      />
      <Honeypot />
      <ContinueButton pending={pending} />
    </form>
  );
}
