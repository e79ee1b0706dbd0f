import type { ReactNode } from "react";
import { Heading } from "./Heading";
import type { HeadingLevel } from "./utils";

export type PanelProps = {
  heading: ReactNode;
  /** Default 1: a confirmation panel is usually the page heading. */
  headingLevel?: HeadingLevel;
  children?: ReactNode;
};

/** Confirmation panel, e.g. "Registration complete". */
export function Panel({ heading, headingLevel = 1, children }: PanelProps) {
  return (
    <div className="nhsuk-panel">
      <Heading level={headingLevel} className="nhsuk-panel__heading">
        {heading}
      </Heading>
      {children ? <div className="nhsuk-panel__body">{children}</div> : null}
    </div>
  );
}
