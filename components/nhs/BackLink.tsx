import type { ReactNode } from "react";
import { SmartLink } from "./SmartLink";

export type BackLinkProps = {
  href: string;
  /** Default "Back". */
  children?: ReactNode;
  /** Read before the link text by screen readers only, e.g. "Back to". */
  visuallyHiddenText?: string;
};

export function BackLink({ href, children = "Back", visuallyHiddenText }: BackLinkProps) {
  return (
    <SmartLink className="nhsuk-back-link" href={href}>
      {visuallyHiddenText ? <span className="nhsuk-u-visually-hidden">{visuallyHiddenText} </span> : null}
      {children}
    </SmartLink>
  );
}
