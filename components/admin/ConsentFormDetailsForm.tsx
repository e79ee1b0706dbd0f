"use client";

import { useActionState } from "react";
import { Button, Checkboxes, ErrorSummary, Radios } from "@/components/nhs";
import { DocumentVersionFields } from "./DocumentVersionFields";
import { Disclosure } from "./Disclosure";
import { errorSummary, type FormState } from "@/lib/forms/form-state";

const ORDER = ["form", "version", "versionDate", "title", "informationSheetId"];

/** A draft consent form's version, date, title and the information sheet it refers to (and, when new, where its statements start). */
export function ConsentFormDetailsForm({
  action,
  initial,
  sheets,
  copyFrom,
  submitLabel,
  disclosure,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  initial: { version: string; versionDate: string; title: string; informationSheetId: string; copyStatements?: string };
  sheets: { id: string; label: string }[];
  /** For a new draft: the version of the current form whose statements it can start with. */
  copyFrom?: string | null;
  submitLabel: string;
  /** Folds the form away under this summary (opened when it has errors). */
  disclosure?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.errors ?? {};
  const values: Record<string, string | undefined> = state?.values ?? initial;
  return (
    <Disclosure summary={disclosure} open={Object.keys(errors).length > 0}>
      <form action={formAction} noValidate>
        <ErrorSummary
          errors={errorSummary(errors, ORDER).map((e) => (e.href === "#form" ? { ...e, href: "#version" } : e))}
        />
        <DocumentVersionFields values={values} errors={errors} />
        {sheets.length > 0 ? (
          <Radios
            id="informationSheetId"
            name="informationSheetId"
            legend="Which information sheet does this form ask people to confirm they have read?"
            legendSize="s"
            hint="Only published versions can be chosen."
            items={sheets.map((s) => ({ value: s.id, label: s.label }))}
            defaultValue={values.informationSheetId}
            error={errors.informationSheetId}
          />
        ) : (
          <p className="nhsuk-error-message" id="informationSheetId">
            Publish an information sheet first: a consent form must refer to one.
          </p>
        )}
        {copyFrom ? (
          <Checkboxes
            id="copyStatements"
            name="copyStatements"
            items={[
              {
                value: "yes",
                label: `Start with the statements of the current form (version ${copyFrom})`,
                hint: "You can change, add, remove and reorder them before publishing.",
              },
            ]}
            defaultValue={values.copyStatements === "yes" ? ["yes"] : []}
          />
        ) : null}
        <Button disabled={pending || sheets.length === 0}>{pending ? "Saving…" : submitLabel}</Button>
      </form>
    </Disclosure>
  );
}
