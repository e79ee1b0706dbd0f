import { createElement, type ReactNode } from "react";
import type { HeadingLevel } from "./utils";

export type HeadingProps = {
  level: HeadingLevel;
  className?: string;
  id?: string;
  children: ReactNode;
};

/** An <h1>…<h6> chosen by level, for components whose heading level depends on the page. */
export function Heading({ level, className, id, children }: HeadingProps) {
  return createElement(`h${level}`, { className, id }, children);
}
