import type { ComponentPropsWithRef } from "react";
import { cx, describedBy } from "../utils";
import { ErrorMessage, FormGroup, Hint, Label, fieldIds, type FieldProps } from "./parts";

export type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30;

export type TextInputProps = FieldProps &
  Omit<ComponentPropsWithRef<"input">, "id" | "name" | "className" | "children" | "type"> & {
    /** Default "text". */
    type?: "text" | "email" | "tel" | "url" | "number" | "password" | "search";
    /** Fixed width in characters (nhsuk-input--width-N). */
    width?: InputWidth;
    /** Extra classes on the <input>, e.g. "nhsuk-u-width-two-thirds". */
    className?: string;
  };

/**
 * Text input with label, hint and error message. Uncontrolled by default (defaultValue).
 * All other props (autoComplete, spellCheck, inputMode, onChange, onBlur, ref… e.g. from
 * react-hook-form's register()) are spread onto the <input>.
 */
export function TextInput({
  id,
  name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  formGroupClassName,
  type = "text",
  width,
  className,
  "aria-describedby": ariaDescribedBy,
  ...inputProps
}: TextInputProps) {
  const { hintId, errorId } = fieldIds(id);
  return (
    <FormGroup error={Boolean(error)} className={formGroupClassName}>
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      <input
        className={cx("nhsuk-input", error && "nhsuk-input--error", width && `nhsuk-input--width-${width}`, className)}
        id={id}
        name={name}
        type={type}
        aria-describedby={describedBy(ariaDescribedBy, hint ? hintId : undefined, error ? errorId : undefined)}
        aria-invalid={error ? true : undefined}
        {...inputProps}
      />
    </FormGroup>
  );
}
