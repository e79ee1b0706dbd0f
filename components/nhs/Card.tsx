import type { ReactNode } from "react";
import { Icon } from "./Icon";
import { SmartLink } from "./SmartLink";
import { Heading } from "./Heading";
import { cx, type HeadingLevel } from "./utils";

export type CardVariant = "feature" | "primary" | "secondary" | "warning";

export type HeadingSize = "xxs" | "xs" | "s" | "m" | "l" | "xl";

export type CardProps = {
  heading?: ReactNode;
  /** Default 2. */
  headingLevel?: HeadingLevel;
  headingSize?: HeadingSize;
  headingId?: string;
  /** Visually hidden text read before the heading, e.g. "Important". */
  headingVisuallyHiddenText?: string;
  /** Makes the heading a link (not for the feature variant). */
  href?: string;
  /** With href: the whole card is the click target (nhsuk-card--clickable). */
  clickable?: boolean;
  variant?: CardVariant;
  /** Short text, rendered as <p class="nhsuk-card__description">. */
  description?: ReactNode;
  /** Block content after the description. */
  children?: ReactNode;
  id?: string;
  className?: string;
};

/** nhsuk-frontend v10 card: basic, with a heading link (href), clickable, feature, primary, secondary or warning. */
export function Card({
  heading,
  headingLevel = 2,
  headingSize,
  headingId,
  headingVisuallyHiddenText,
  href,
  clickable,
  variant,
  description,
  children,
  id,
  className,
}: CardProps) {
  const headingContent =
    href && variant !== "feature" ? (
      <SmartLink className="nhsuk-card__link" href={href}>
        {heading}
      </SmartLink>
    ) : headingVisuallyHiddenText ? (
      <>
        <span className="nhsuk-u-visually-hidden">{headingVisuallyHiddenText}: </span>
        {heading}
      </>
    ) : (
      heading
    );

  return (
    <div
      className={cx(
        "nhsuk-card",
        clickable && href && "nhsuk-card--clickable",
        variant && `nhsuk-card--${variant}`,
        className,
      )}
      id={id}
    >
      <div className="nhsuk-card__content">
        {heading ? (
          <Heading
            level={headingLevel}
            className={cx("nhsuk-card__heading", headingSize && `nhsuk-heading-${headingSize}`)}
            id={headingId}
          >
            {headingContent}
          </Heading>
        ) : null}
        {description ? <p className="nhsuk-card__description">{description}</p> : null}
        {children}
        {variant === "primary" ? <Icon name="chevron-right-circle" /> : null}
      </div>
    </div>
  );
}
