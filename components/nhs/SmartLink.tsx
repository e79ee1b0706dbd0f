import Link from "next/link";
import type { ComponentPropsWithoutRef } from "react";
import { isInternalHref } from "./utils";

export type SmartLinkProps = Omit<ComponentPropsWithoutRef<"a">, "href"> & {
  href: string;
  /** Passed to next/link; false for pages that should only load when followed. */
  prefetch?: boolean;
};

/** next/link for paths on this site, a plain <a> for mailto:, tel: and external URLs. */
export function SmartLink({ href, children, prefetch, ...rest }: SmartLinkProps) {
  if (isInternalHref(href)) {
    return (
      <Link href={href} prefetch={prefetch} {...rest}>
        {children}
      </Link>
    );
  }
  return (
    <a href={href} {...rest}>
      {children}
    </a>
  );
}
