"use client";

import { TextInput } from "@/components/nhs";
import { aboutYouSchema } from "@/lib/registration/schema";
import { ContinueButton, Honeypot, StepErrors, StepHeading } from "./StepFormParts";
import { useStepForm, type StepAction } from "./use-step-form";

const FIELDS = ["fullName", "email", "phone"] as const;

export function AboutYouForm({
  action,
  saved,
  caption,
}: {
  action: StepAction;
  saved: Record<string, unknown>;
  caption: string;
}) {
  const { form, errors, pending, formAction, onSubmit, text } = useStepForm(aboutYouSchema, action, saved);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <StepErrors errors={errors} fieldOrder={FIELDS} />
      <StepHeading caption={caption}>About you</StepHeading>
      <TextInput
        id="fullName"
        label="Full name"
        autoComplete="name"
        spellCheck={false}
        defaultValue={text("fullName")}
        error={errors.fullName}
        {...form.register("fullName")}
      />
      <TextInput
        id="email"
        type="email"
        label="Email address"
        hint="We will only use this to contact you about the research."
        autoComplete="email"
        spellCheck={false}
        defaultValue={text("email")}
        error={errors.email}
        {...form.register("email")}
      />
      <TextInput
        id="phone"
        type="tel"
        label="Phone number (optional)"
        hint="Only if you would like the study team to be able to call you."
        autoComplete="tel"
        width={20}
        defaultValue={text("phone")}
        error={errors.phone}
        {...form.register("phone")}
      />
      <Honeypot />
      <ContinueButton pending={pending} />
    </form>
  );
}
