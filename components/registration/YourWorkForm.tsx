"use client";

import { Radios, TextInput } from "@/components/nhs";
import { regionOptions, staffGroupOptions, yesNoOptions } from "@/lib/registration/questions";
import { yourWorkSchema } from "@/lib/registration/schema";
import { ContinueButton, Honeypot, StepErrors, StepHeading } from "./StepFormParts";
import { useStepForm, type StepAction } from "./use-step-form";

const FIELDS = ["worksInNhsNow", "employer", "staffGroup", "jobTitle", "region"] as const;

export function YourWorkForm({
  action,
  saved,
  caption,
}: {
  action: StepAction;
  saved: Record<string, unknown>;
  caption: string;
}) {
  const { form, errors, pending, formAction, onSubmit, text } = useStepForm(yourWorkSchema, action, saved);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <StepErrors errors={errors} fieldOrder={FIELDS} />
      <StepHeading caption={caption}>Your work</StepHeading>
      <Radios
        id="worksInNhsNow"
        legend="Do you work in the NHS now?"
        legendSize="s"
        inline
        items={[...yesNoOptions]}
        defaultValue={text("worksInNhsNow")}
        error={errors.worksInNhsNow}
        {...form.register("worksInNhsNow")}
      />
      <TextInput
        id="employer"
        label="Which NHS trust or organisation do you work for?"
        labelSize="s"
        hint="For example, Leeds Teaching Hospitals NHS Trust. If you no longer work in the NHS, you can leave this empty."
        autoComplete="organization"
        defaultValue={text("employer")}
        error={errors.employer}
        {...form.register("employer")}
      />
      <Radios
        id="staffGroup"
        legend="Which staff group are you in?"
        legendSize="s"
        items={[...staffGroupOptions]}
        defaultValue={text("staffGroup")}
        error={errors.staffGroup}
        {...form.register("staffGroup")}
      />
      <TextInput
        id="jobTitle"
        label="What is your role or job title?"
        labelSize="s"
        hint="For example, ward sister or consultant anaesthetist."
        autoComplete="organization-title"
        defaultValue={text("jobTitle")}
        error={errors.jobTitle}
        {...form.register("jobTitle")}
      />
      <Radios
        id="region"
        legend="Which region do you work in?"
        legendSize="s"
        items={[...regionOptions]}
        defaultValue={text("region")}
        error={errors.region}
        {...form.register("region")}
      />
      <Honeypot />
      <ContinueButton pending={pending} />
    </form>
  );
}
