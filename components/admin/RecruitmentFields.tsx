"use client";

import { Radios, TextInput } from "@/components/nhs";

/**
 * The recruitment settings a study is created with and later changed: its target range, how eligible people
 * are invited, and whether they must sign. One set of fields, so the two forms cannot word them apart.
 */
export function RecruitmentFields({
  values,
  errors,
}: {
  values: { targetMin?: string; targetMax?: string; invitationMode?: string; consentRequired?: string };
  errors: Record<string, string | undefined>;
}) {
  return (
    <>
      <fieldset className="nhsuk-fieldset" aria-describedby="target-hint">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Target number of participants</legend>
        <div className="nhsuk-hint" id="target-hint">
          For example, 12 to 15. Leave both empty for no target, or the smallest empty for &quot;up to&quot;.
        </div>
        <TextInput
          id="targetMin"
          name="targetMin"
          label="Smallest"
          inputMode="numeric"
          width={4}
          defaultValue={values.targetMin}
          error={errors.targetMin}
        />
        <TextInput
          id="targetMax"
          name="targetMax"
          label="Largest"
          inputMode="numeric"
          width={4}
          defaultValue={values.targetMax}
          error={errors.targetMax}
        />
      </fieldset>
      <Radios
        id="invitationMode"
        name="invitationMode"
        legend="How are eligible people invited?"
        legendSize="s"
        items={[
          { value: "AFTER_TRIAGE", label: "After the team's triage", hint: "A researcher chooses whom to invite" },
          {
            value: "AUTOMATIC",
            label: "Automatically",
            hint: "Everyone eligible is sent the information sheet and consent form as soon as they register",
          },
        ]}
        defaultValue={values.invitationMode}
        error={errors.invitationMode}
      />
      <Radios
        id="consentRequired"
        name="consentRequired"
        legend="Must people sign the consent form before taking part?"
        legendSize="s"
        inline
        items={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
        defaultValue={values.consentRequired}
        error={errors.consentRequired}
      />
    </>
  );
}
