"use client";

import { useActionState } from "react";
import { DocumentBody } from "@/components/documents/DocumentBody";
import { Button, ErrorSummary, Textarea } from "@/components/nhs";
import type { DocumentBlock } from "@/lib/documents/parse-document";
import { DocumentVersionFields } from "./DocumentVersionFields";
import { errorSummary, type FormState } from "@/lib/forms/form-state";

type State = FormState<{ preview?: DocumentBlock[] }>;
const ORDER = ["form", "version", "versionDate", "title", "content"];

/** A draft information sheet: its version, date, title and text, with a preview of the text as people will read it. */
export function InformationSheetForm({
  action,
  initial,
  submitLabel,
}: {
  action: (previous: State, formData: FormData) => Promise<State>;
  initial: { version: string; versionDate: string; title: string; content: string };
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.errors ?? {};
  const values = state?.values ?? initial;
  const preview = state?.preview;
  return (
    <>
      <ErrorSummary
        errors={errorSummary(errors, ORDER).map((e) => (e.href === "#form" ? { ...e, href: "#version" } : e))}
      />
      {preview ? (
        <section aria-labelledby="preview-heading" className="app-preview">
          <h2 className="nhsuk-heading-m" id="preview-heading">
            Preview: {values.title || "the information sheet"}
          </h2>
          <p className="nhsuk-body-s">As people will read it. Nothing has been saved yet.</p>
          <div className="app-preview__body">
            {preview.length ? <DocumentBody blocks={preview} headingLevel={3} /> : <p>There is no text yet.</p>}
          </div>
        </section>
      ) : null}
      <form action={formAction} noValidate>
        <DocumentVersionFields values={values} errors={errors} />
        <Textarea
          id="content"
          name="content"
          label="Text"
          labelSize="s"
          hint="Start a line with ## and a space for a heading, and with - and a space for each item of a list. Leave a blank line between paragraphs. Nothing else is formatted."
          rows={24}
          defaultValue={values.content}
          error={errors.content}
        />
        <div className="nhsuk-button-group">
          <Button variant="secondary" name="intent" value="preview" disabled={pending}>
            Preview
          </Button>
          <Button name="intent" value="save" disabled={pending}>
            {pending ? "Saving…" : submitLabel}
          </Button>
        </div>
      </form>
    </>
  );
}
