import type { ReactNode } from "react";
import { cx } from "../utils";
import type { LabelSize } from "./parts";

export type FieldsetProps = {
  legend: ReactNode;
  legendSize?: LabelSize;
  /** Puts the legend text in an <h1 class="nhsuk-fieldset__heading"> (one question per page). */
  isPageHeading?: boolean;
  /** Space-separated ids of the hint and error message for the group. */
  describedBy?: string;
  children: ReactNode;
  id?: string;
  className?: string;
};

/** A fieldset with legend, to group related inputs (radios, checkboxes, an address…). */
export function Fieldset({ legend, legendSize, isPageHeading, describedBy, children, id, className }: FieldsetProps) {
  const legendClass = cx("nhsuk-fieldset__legend", legendSize && `nhsuk-fieldset__legend--${legendSize}`);
  return (
    <fieldset className={cx("nhsuk-fieldset", className)} id={id} aria-describedby={describedBy}>
      <legend className={legendClass}>
        {isPageHeading ? <h1 className="nhsuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}
