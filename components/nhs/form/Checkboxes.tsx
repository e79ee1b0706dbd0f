import { ChoiceGroup, type ChoiceGroupProps, type ChoiceInputProps } from "./choices";

export type CheckboxesProps = ChoiceGroupProps &
  ChoiceInputProps & {
    /** The values checked on first render (uncontrolled). */
    defaultValue?: readonly string[];
  };

/**
 * Checkboxes, in a fieldset when `legend` is given (omit it only for a single stand-alone checkbox,
 * whose label then says it all). All inputs share `name`, so a form post sends every checked value.
 * Extra props (onChange, onBlur, ref… e.g. from react-hook-form's register()) go on every <input>.
 */
export function Checkboxes({
  id,
  name,
  legend,
  legendSize,
  isPageHeading,
  hint,
  error,
  items,
  inline,
  small,
  formGroupClassName,
  defaultValue,
  ...inputProps
}: CheckboxesProps) {
  return (
    <ChoiceGroup
      kind="checkboxes"
      id={id}
      name={name}
      legend={legend}
      legendSize={legendSize}
      isPageHeading={isPageHeading}
      hint={hint}
      error={error}
      items={items}
      inline={inline}
      small={small}
      formGroupClassName={formGroupClassName}
      isChecked={(item) => item.defaultChecked ?? (defaultValue ? defaultValue.includes(item.value) : undefined)}
      inputProps={inputProps}
    />
  );
}
