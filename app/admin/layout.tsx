import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/nhs";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { signOutAction } from "../sign-in/actions";

export const metadata: Metadata = {
  title: { template: "%s – Study dashboard", default: "Study dashboard" },
  robots: { index: false },
};

/**
 * The dashboard's frame. It checks the session too, but only as a courtesy: every page, action and route
 * below checks for itself (layouts do not guard server actions or route handlers).
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const researcher = await requireResearcher();
  const links = [
    { href: "/admin", label: "Overview" },
    { href: "/admin/volunteers", label: "Volunteers" },
    { href: "/admin/studies", label: "Studies" },
    { href: "/admin/exports", label: "Exports" },
    { href: "/admin/emails", label: "Emails" },
    { href: "/admin/audit", label: "Audit log" },
    ...(researcher.role === "ADMIN" ? [{ href: "/admin/researchers", label: "Researchers" }] : []),
  ];
  return (
    <div className="app-admin">
      <nav aria-label="Dashboard" className="app-admin-nav">
        <ul className="app-admin-nav__list">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} prefetch={false}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="app-admin-nav__account">
          <span>
            {researcher.name ?? researcher.email} ({researcher.role === "ADMIN" ? "admin" : "researcher"})
          </span>{" "}
          <Link href="/admin/account" prefetch={false}>
            Your account
          </Link>
          <form action={signOutAction} className="app-inline-form">
            <Button variant="secondary" small>
              Sign out
            </Button>
          </form>
        </div>
      </nav>
      {children}
    </div>
  );
}
