import type { ReactNode } from "react";
import { cx } from "../utils";

export type LabelSize = "s" | "m" | "l" | "xl";

/** Ids used by every field: `${id}-hint` and `${id}-error`. */
export function fieldIds(id: string): { hintId: string; errorId: string } {
  return { hintId: `${id}-hint`, errorId: `${id}-error` };
}

export function Hint({ id, children, className }: { id?: string; children: ReactNode; className?: string }) {
  return (
    <div className={cx("nhsuk-hint", className)} id={id}>
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error: </span>
      {children}
    </span>
  );
}

export function FormGroup({
  error,
  className,
  children,
}: {
  error?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return <div className={cx("nhsuk-form-group", error && "nhsuk-form-group--error", className)}>{children}</div>;
}

export type LabelProps = {
  htmlFor: string;
  children: ReactNode;
  size?: LabelSize;
  /** Wraps the label in <h1 class="nhsuk-label-wrapper"> for one-question pages. */
  isPageHeading?: boolean;
  className?: string;
};

export function Label({ htmlFor, children, size, isPageHeading, className }: LabelProps) {
  const label = (
    <label className={cx("nhsuk-label", size && `nhsuk-label--${size}`, className)} htmlFor={htmlFor}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="nhsuk-label-wrapper">{label}</h1> : label;
}

/** Props every single-control field takes (TextInput, Textarea). */
export type FieldProps = {
  id: string;
  name: string;
  label: ReactNode;
  labelSize?: LabelSize;
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  /** Extra classes on the nhsuk-form-group wrapper. */
  formGroupClassName?: string;
};
