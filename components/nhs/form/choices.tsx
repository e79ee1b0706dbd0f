import type { ComponentPropsWithRef, ReactNode } from "react";
import { cx, describedBy } from "../utils";
import { ErrorMessage, FormGroup, Hint, fieldIds, type LabelSize } from "./parts";
import { Fieldset } from "./Fieldset";

export type ChoiceOption = {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Overrides the generated id (`${id}` for the first item, `${id}-N` for item N). */
  id?: string;
  disabled?: boolean;
  /** Checked on first render (uncontrolled); alternative to the group's defaultValue. */
  defaultChecked?: boolean;
  /** Checkboxes only: "exclusive" for a "None of these" option (needs JavaScript to untick the others). */
  behaviour?: "exclusive";
};

export type ChoiceDivider = { divider: string };

export type ChoiceItem = ChoiceOption | ChoiceDivider;

function isDivider(item: ChoiceItem): item is ChoiceDivider {
  return "divider" in item;
}

/** Props spread onto every <input> in the group (e.g. react-hook-form's register()). */
export type ChoiceInputProps = Omit<
  ComponentPropsWithRef<"input">,
  "id" | "name" | "type" | "value" | "defaultValue" | "defaultChecked" | "checked" | "children" | "className"
>;

export type ChoiceGroupProps = {
  /** Group id: the hint is `${id}-hint`, the error `${id}-error`, and the first input has this id (link the error summary to it). */
  id: string;
  name: string;
  /** The question. Without a legend there is no fieldset (only for a single checkbox). */
  legend?: ReactNode;
  legendSize?: LabelSize;
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  items: ChoiceItem[];
  inline?: boolean;
  small?: boolean;
  formGroupClassName?: string;
};

type Kind = "radios" | "checkboxes";

export function ChoiceGroup({
  kind,
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
  isChecked,
  inputProps,
}: ChoiceGroupProps & {
  kind: Kind;
  isChecked: (item: ChoiceOption) => boolean | undefined;
  inputProps: ChoiceInputProps;
}) {
  const { hintId, errorId } = fieldIds(id);
  const groupDescribedBy = describedBy(hint ? hintId : undefined, error ? errorId : undefined);
  const hasFieldset = legend !== undefined && legend !== null;
  const { "aria-describedby": extraDescribedBy, disabled: groupDisabled, ...rest } = inputProps;
  const type = kind === "radios" ? "radio" : "checkbox";

  const inner = (
    <>
      {hint ? <Hint id={hintId}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      <div className={cx(`nhsuk-${kind}`, small && `nhsuk-${kind}--small`, inline && `nhsuk-${kind}--inline`)}>
        {items.map((item, index) => {
          if (isDivider(item)) {
            return (
              <div key={`divider-${index}`} className={`nhsuk-${kind}__divider`}>
                {item.divider}
              </div>
            );
          }
          const itemId = item.id ?? (index === 0 ? id : `${id}-${index + 1}`);
          const itemHintId = `${itemId}-item-hint`;
          return (
            <div key={itemId} className={`nhsuk-${kind}__item`}>
              <input
                className={`nhsuk-${kind}__input`}
                id={itemId}
                name={name}
                type={type}
                value={item.value}
                defaultChecked={isChecked(item)}
                disabled={item.disabled ?? groupDisabled}
                data-behaviour={item.behaviour}
                aria-describedby={describedBy(
                  extraDescribedBy,
                  hasFieldset ? undefined : groupDescribedBy,
                  item.hint ? itemHintId : undefined,
                )}
                {...rest}
              />
              <label className={`nhsuk-label nhsuk-${kind}__label`} htmlFor={itemId}>
                {item.label}
              </label>
              {item.hint ? (
                <Hint id={itemHintId} className={`nhsuk-${kind}__hint`}>
                  {item.hint}
                </Hint>
              ) : null}
            </div>
          );
        })}
      </div>
    </>
  );

  return (
    <FormGroup error={Boolean(error)} className={formGroupClassName}>
      {hasFieldset ? (
        <Fieldset legend={legend} legendSize={legendSize} isPageHeading={isPageHeading} describedBy={groupDescribedBy}>
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </FormGroup>
  );
}
