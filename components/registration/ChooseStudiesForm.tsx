"use client";

import { chooseStudiesSchema } from "@/lib/registration/schema";
import { ContinueButton, Honeypot, StepErrors, StepHeading } from "./StepFormParts";
import { StudyCheckboxes, type StudyOption } from "./TakingPartForm";
import { useStepForm, type StepAction } from "./use-step-form";

/**
 * "Choose studies": when the recruiting studies ask different questions, the study choice comes first,
 * on its own page, so that only the questions of the chosen studies follow.
 */
export function ChooseStudiesForm({
  action,
  saved,
  caption,
  studies,
}: {
  action: StepAction;
  saved: Record<string, unknown>;
  caption: string;
  studies: StudyOption[];
}) {
  const { form, errors, pending, formAction, onSubmit, list } = useStepForm(
    chooseStudiesSchema(studies),
    action,
    saved,
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <StepErrors errors={errors} fieldOrder={["studies"]} />
      <StepHeading caption={caption}>Choose studies</StepHeading>
      <p>The questions that follow depend on the studies you choose.</p>
      <StudyCheckboxes
        studies={studies}
        defaultValue={list("studies")}
        error={errors.studies}
        registration={form.register("studies")}
      />
      <Honeypot />
      <ContinueButton pending={pending} />
    </form>
  );
}
