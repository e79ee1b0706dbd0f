import type { ComponentPropsWithRef } from "react";
import { cx, describedBy } from "../utils";
import { ErrorMessage, FormGroup, Hint, Label, fieldIds, type FieldProps } from "./parts";

export type TextareaProps = FieldProps &
  Omit<ComponentPropsWithRef<"textarea">, "id" | "name" | "className" | "children"> & {
    className?: string;
  };

/** Textarea with label, hint and error message; extra props are spread onto the <textarea>. */
export function Textarea({
  id,
  name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  formGroupClassName,
  className,
  rows = 5,
  "aria-describedby": ariaDescribedBy,
  ...textareaProps
}: TextareaProps) {
  const { hintId, errorId } = fieldIds(id);
  return (
    <FormGroup error={Boolean(error)} className={formGroupClassName}>
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      <textarea
        className={cx("nhsuk-textarea", error && "nhsuk-textarea--error", className)}
        id={id}
        name={name}
        rows={rows}
        aria-describedby={describedBy(ariaDescribedBy, hint ? hintId : undefined, error ? errorId : undefined)}
        aria-invalid={error ? true : undefined}
        {...textareaProps}
      />
    </FormGroup>
  );
}
