"use client";

import type { ReactNode } from "react";
import { Button, ErrorSummary } from "@/components/nhs";

/** The error summary for a step, in the order the fields appear, each linking to its field. */
export function StepErrors({ errors, fieldOrder }: { errors: Record<string, string>; fieldOrder: readonly string[] }) {
  const items = fieldOrder.filter((f) => errors[f]).map((f) => ({ href: `#${f}`, text: errors[f] }));
  return <ErrorSummary errors={items} />;
}

export function StepHeading({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <h1 className="nhsuk-heading-l">
      <span className="nhsuk-caption-l">
        {caption}
        <span className="nhsuk-u-visually-hidden"> – </span>
      </span>
      {children}
    </h1>
  );
}

/**
 * A field only bots fill in. Hidden from sight and from assistive technology, out of the tab order,
 * and never autofilled.
 */
export function Honeypot() {
  return (
    <div className="app-honeypot" aria-hidden="true">
      <label htmlFor="website">Leave this field empty</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

export function ContinueButton({ pending, children = "Continue" }: { pending: boolean; children?: ReactNode }) {
  return (
    <>
      <Button disabled={pending}>{pending ? "Saving your answers…" : children}</Button>
      <p className="nhsuk-u-visually-hidden" role="status">
        {pending ? "Saving your answers" : ""}
      </p>
    </>
  );
}
