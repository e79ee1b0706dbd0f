import type { ReactNode } from "react";
import type { TagColour } from "@/lib/text/tag-colour";
import { cx } from "./utils";

export type { TagColour };

export type TagProps = {
  children: ReactNode;
  /** Omit for the default (blue) tag; false for no colour. */
  colour?: TagColour | false;
  border?: boolean;
  className?: string;
  id?: string;
};

export function Tag({ children, colour, border = true, className, id }: TagProps) {
  return (
    <strong
      className={cx(
        "nhsuk-tag",
        colour && `nhsuk-tag--${colour}`,
        colour === false && "nhsuk-tag--no-colour",
        !border && "nhsuk-tag--no-border",
        className,
      )}
      id={id}
    >
      {children}
    </strong>
  );
}
