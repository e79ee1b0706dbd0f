import type { ReactNode } from "react";

export type InsetTextProps = {
  /** Block content: wrap text in <p>. */
  children: ReactNode;
  /** Read first by screen readers. Default "Information". */
  visuallyHiddenText?: string;
  id?: string;
};

export function InsetText({ children, visuallyHiddenText = "Information", id }: InsetTextProps) {
  return (
    <div className="nhsuk-inset-text" id={id}>
      <span className="nhsuk-u-visually-hidden">{visuallyHiddenText}: </span>
      {children}
    </div>
  );
}
