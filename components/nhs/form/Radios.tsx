import { ChoiceGroup, type ChoiceGroupProps, type ChoiceInputProps } from "./choices";

export type RadiosProps = ChoiceGroupProps &
  ChoiceInputProps & {
    legend: ChoiceGroupProps["legend"];
    /** The value checked on first render (uncontrolled). */
    defaultValue?: string;
  };

/**
 * Radios in a fieldset with legend, hint and error message. Extra props (required, onChange,
 * onBlur, ref… e.g. from react-hook-form's register()) are spread onto every <input>.
 * Conditional reveals are not supported (they need JavaScript): ask a follow-up question instead.
 */
export function Radios({
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
}: RadiosProps) {
  return (
    <ChoiceGroup
      kind="radios"
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
      isChecked={(item) =>
        item.defaultChecked ?? (defaultValue !== undefined ? item.value === defaultValue : undefined)
      }
      inputProps={inputProps}
    />
  );
}
