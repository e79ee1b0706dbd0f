import type { ComponentPropsWithRef } from "react";
import { describedBy } from "@/components/nhs/utils";
import { ErrorMessage, FormGroup, Hint, Label } from "@/components/nhs";

export type SelectFieldProps = Omit<ComponentPropsWithRef<"select">, "id" | "name" | "children" | "className"> & {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  options: readonly { value: string; label: string }[];
  formGroupClassName?: string;
};

/** An nhsuk-frontend select with its label, hint and error. Uncontrolled: pass defaultValue. */
export function SelectField({ id, name, label, hint, error, options, formGroupClassName, ...rest }: SelectFieldProps) {
  return (
    <FormGroup error={Boolean(error)} className={formGroupClassName}>
      <Label htmlFor={id}>{label}</Label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <select
        className={`nhsuk-select${error ? " nhsuk-select--error" : ""}`}
        id={id}
        name={name}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
