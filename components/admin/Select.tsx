import type { ComponentPropsWithRef } from "react";
import { FormGroup, Hint, Label } from "@/components/nhs";

export type SelectOption = { value: string; label: string };

export type SelectProps = Omit<ComponentPropsWithRef<"select">, "id" | "name" | "className" | "children"> & {
  id: string;
  name: string;
  label: string;
  hint?: string;
  options: readonly SelectOption[];
  /** An empty first choice, e.g. "Any study": the filter is not used. */
  emptyLabel?: string;
  formGroupClassName?: string;
};

/** A select with its label (nhsuk-select), for filters. Uncontrolled: give it a defaultValue. */
export function Select({ id, name, label, hint, options, emptyLabel, formGroupClassName, ...rest }: SelectProps) {
  return (
    <FormGroup className={formGroupClassName}>
      <Label htmlFor={id}>{label}</Label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      <select
        className="nhsuk-select app-select--full-width"
        id={id}
        name={name}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...rest}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
