"use client";

import { Button, ErrorSummary, Radios, Textarea } from "@/components/nhs";
import { withdrawalChannels } from "@/lib/volunteers/forms";
import { useVolunteerForm, type VolunteerFormAction } from "./use-volunteer-form";

type Props = {
  action: VolunteerFormAction;
  volunteerId: string;
  /** The studies they can still withdraw from. */
  studies: { id: string; title: string }[];
  preselected: string | null;
};

/** A withdrawal the volunteer asked for some other way: which study, how they told us, their data choice. */
export function RecordWithdrawalForm({ action, volunteerId, studies, preselected }: Props) {
  const { errors, values, formAction, pending } = useVolunteerForm(action, "error-summary");
  const summary = (["from", "channel", "dataChoice", "reason"] as const)
    .filter((f) => errors[f])
    .map((f) => ({ href: `#${f}`, text: errors[f]! }));
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="volunteerId" value={volunteerId} />
      <Radios
        id="from"
        name="from"
        legend="Which study are they withdrawing from?"
        legendSize="s"
        items={[
          ...studies.map((s) => ({ value: s.id, label: s.title })),
          ...(studies.length > 1 ? [{ value: "all", label: "All of them" }] : []),
        ]}
        defaultValue={values.from ?? preselected ?? (studies.length === 1 ? studies[0]!.id : undefined)}
        error={errors.from}
      />
      <Radios
        id="channel"
        name="channel"
        legend="How did they tell you?"
        legendSize="s"
        items={withdrawalChannels.map((c) => ({ value: c.value, label: c.label }))}
        defaultValue={values.channel}
        error={errors.channel}
      />
      <Radios
        id="dataChoice"
        name="dataChoice"
        legend="What do they want to happen to the information they have already given?"
        legendSize="s"
        hint="Either way, their signed consent form and the record of this withdrawal are kept, as the ethics approval requires."
        items={[
          { value: "KEEP", label: "The team can keep and use it" },
          {
            value: "REMOVE",
            label: "Remove it where this is still possible",
            hint: "Information already anonymised and used in analysis may not be removable.",
          },
        ]}
        defaultValue={values.dataChoice}
        error={errors.dataChoice}
      />
      <Textarea
        id="reason"
        name="reason"
        label="Their reason, if they gave one (optional)"
        labelSize="s"
        hint="They do not need to give a reason. Up to 1000 characters."
        rows={4}
        maxLength={1000}
        defaultValue={values.reason ?? ""}
        error={errors.reason}
      />
      <Button variant="warning" disabled={pending}>
        {pending ? "Recording…" : "Record the withdrawal"}
      </Button>
    </form>
  );
}
