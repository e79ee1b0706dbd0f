import type { ReactNode } from "react";
import { Card } from "./Card";
import type { HeadingLevel } from "./utils";

export type WarningCalloutProps = {
  /** Default "Important". Screen readers hear "Important: " first unless the heading says it. */
  heading?: string;
  /** Default 3, as in nhsuk-frontend; choose the level that fits the page outline. */
  headingLevel?: HeadingLevel;
  /** Block content: wrap text in <p>. */
  children: ReactNode;
  id?: string;
};

/** nhsuk-frontend v10 warning callout (a warning card). */
export function WarningCallout({ heading = "Important", headingLevel = 3, children, id }: WarningCalloutProps) {
  const sayImportant = !heading.toLowerCase().includes("important");
  return (
    <Card
      variant="warning"
      heading={heading}
      headingLevel={headingLevel}
      headingVisuallyHiddenText={sayImportant ? "Important" : undefined}
      id={id}
    >
      {children}
    </Card>
  );
}
