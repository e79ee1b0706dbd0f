import type { ComponentPropsWithRef, ReactNode } from "react";
import { Icon } from "./Icon";
import { SmartLink } from "./SmartLink";
import { cx } from "./utils";

export type ButtonVariant = "primary" | "secondary" | "secondary-solid" | "reverse" | "warning" | "login";

type CommonButtonProps = {
  /** Default "primary" (green). */
  variant?: ButtonVariant;
  small?: boolean;
  className?: string;
  children: ReactNode;
};

function buttonClasses({
  variant = "primary",
  small,
  icon,
  className,
}: {
  variant?: ButtonVariant;
  small?: boolean;
  icon?: boolean;
  className?: string;
}): string {
  return cx(
    "nhsuk-button",
    variant !== "primary" && `nhsuk-button--${variant}`,
    icon && "nhsuk-button--icon",
    small && "nhsuk-button--small",
    className,
  );
}

export type ButtonProps = CommonButtonProps & Omit<ComponentPropsWithRef<"button">, "className" | "children">;

/**
 * A <button>, `type="submit"` unless you say otherwise. Extra props (name, value, formAction,
 * disabled, onClick…) go on the <button>.
 */
export function Button({ variant, small, className, children, type = "submit", disabled, ...rest }: ButtonProps) {
  return (
    <button
      className={buttonClasses({ variant, small, className })}
      type={type}
      disabled={disabled}
      aria-disabled={disabled ? true : undefined}
      {...rest}
    >
      {children}
    </button>
  );
}

export type ButtonLinkProps = CommonButtonProps &
  Omit<ComponentPropsWithRef<"a">, "className" | "children" | "href"> & {
    href: string;
    /** Start button: adds a right arrow after the text, for the main call to action on a start page. */
    start?: boolean;
    prefetch?: boolean;
  };

/**
 * A link styled as a button (nhsuk-frontend "button as a link"). It stays a link to assistive technology:
 * role="button" would promise the space key, which only nhsuk-frontend's JavaScript provides.
 */
export function ButtonLink({ href, variant, small, start, className, children, ...rest }: ButtonLinkProps) {
  return (
    <SmartLink
      href={href}
      className={buttonClasses({ variant, small, icon: start, className: cx(start && "app-button--start", className) })}
      draggable="false"
      {...rest}
    >
      {start ? (
        <>
          <span className="nhsuk-button__content">{children}</span>
          <Icon name="arrow-right" />
        </>
      ) : (
        children
      )}
    </SmartLink>
  );
}
