import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/ActionButton";
import { RoleForm } from "@/components/admin/RoleForm";
import { SuccessBanner } from "@/components/admin/SuccessBanner";
import { BackLink, SummaryList, Tag, WarningCallout } from "@/components/nhs";
import { findResearcher } from "@/lib/researchers/list-researchers";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { formatUkDateTime } from "@/lib/text/uk-dates";
import { accountAction, changeRoleAction } from "../actions";

export const metadata: Metadata = { title: "Researcher" };

type Props = { params: Promise<{ researcherId: string }>; searchParams: Promise<{ done?: string; confirm?: string }> };

const confirmations: Record<string, string> = {
  added: "The account has been added, and they have been emailed how to sign in",
  role: "Their role has been changed",
  disable: "The account has been disabled and every session it had has ended",
  enable: "The account has been enabled: they can sign in again",
  "sign-out": "They have been signed out everywhere",
  "reset-authenticator": "Their authenticator app has been reset: they will set one up the next time they sign in",
};

const confirmTexts = {
  disable: {
    heading: "Disable this account?",
    body: "They will be signed out at once, everywhere, and will not be able to sign in until an admin enables the account again.",
    button: "Yes, disable the account",
  },
  "sign-out": {
    heading: "Sign them out everywhere?",
    body: "Every session they have, on any device, ends now. They can sign in again.",
    button: "Yes, sign them out everywhere",
  },
  "reset-authenticator": {
    heading: "Reset their authenticator app?",
    body: "Their authenticator app will no longer work here and they will be signed out everywhere. The next time they sign in, they set up an authenticator app again. Do this when they have lost or replaced their phone.",
    button: "Yes, reset their authenticator app",
  },
} as const;

export default async function ResearcherPage({ params, searchParams }: Props) {
  const researcher = await requireResearcher("ADMIN");
  const { researcherId } = await params;
  const { done, confirm } = await searchParams;
  const account = await findResearcher(getDb(), researcher, researcherId);
  if (!account) notFound();
  const isSelf = account.id === researcher.id;
  const name = account.name ?? account.email;
  const here = `/admin/researchers/${account.id}`;
  // Nothing on this page acts on one's own account: the account page signs you out everywhere.
  const confirming = confirm && confirm in confirmTexts && !isSelf ? (confirm as keyof typeof confirmTexts) : null;

  return (
    <>
      <BackLink href="/admin/researchers">Back to researchers</BackLink>
      {done && confirmations[done] ? <SuccessBanner heading={confirmations[done]} /> : null}
      <h1 className="nhsuk-heading-l">{name}</h1>
      <SummaryList
        rows={[
          { key: "Email", value: <span className="app-break-word">{account.email}</span> },
          { key: "Role", value: account.role === "ADMIN" ? "Admin" : "Researcher" },
          {
            key: "Authenticator app",
            value: account.totpEnabledAt
              ? `Set up at ${formatUkDateTime(account.totpEnabledAt)}`
              : "Not set up yet: they will set it up the next time they sign in",
          },
          { key: "Last signed in", value: account.lastSignedInAt ? formatUkDateTime(account.lastSignedInAt) : "Never" },
          {
            key: "Sessions",
            value:
              account._count.sessions === 0 ? "Not signed in anywhere" : `${account._count.sessions} not yet expired`,
          },
          {
            key: "Account",
            value: account.disabledAt ? (
              <Tag colour="grey">Disabled since {formatUkDateTime(account.disabledAt)}</Tag>
            ) : (
              <Tag colour="green">Active</Tag>
            ),
          },
        ]}
      />

      {confirming ? (
        <div id="confirm">
          <WarningCallout heading={confirmTexts[confirming].heading} headingLevel={2}>
            <p>{confirmTexts[confirming].body}</p>
          </WarningCallout>
          <ActionButton
            action={accountAction.bind(null, account.id, confirming)}
            label={confirmTexts[confirming].button}
            variant="warning"
          />
          <p>
            <Link href={here}>No, go back</Link>
          </p>
        </div>
      ) : (
        <>
          <h2 className="nhsuk-heading-m">Role</h2>
          {isSelf ? (
            <p>You cannot change your own role. Another admin can.</p>
          ) : (
            <RoleForm action={changeRoleAction.bind(null, account.id)} role={account.role} name={name} />
          )}

          <h2 className="nhsuk-heading-m">Access</h2>
          <ul className="nhsuk-list">
            {account.disabledAt ? (
              <li>
                <ActionButton
                  action={accountAction.bind(null, account.id, "enable")}
                  label="Enable the account"
                  variant="secondary"
                />
              </li>
            ) : isSelf ? null : (
              <li>
                <Link href={`${here}?confirm=disable#confirm`}>Disable the account</Link>
              </li>
            )}
            {isSelf ? (
              <li>
                To sign yourself out everywhere, go to <Link href="/admin/account">your account</Link>. Another admin
                can reset your authenticator app.
              </li>
            ) : (
              <>
                <li>
                  <Link href={`${here}?confirm=sign-out#confirm`}>Sign them out everywhere</Link>
                </li>
                <li>
                  <Link href={`${here}?confirm=reset-authenticator#confirm`}>Reset their authenticator app</Link>
                </li>
              </>
            )}
          </ul>
        </>
      )}
    </>
  );
}
