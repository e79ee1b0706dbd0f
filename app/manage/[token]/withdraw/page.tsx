import type { Metadata } from "next";
import { BackLink } from "@/components/nhs";
import { InvalidLink } from "@/components/participation/InvalidLink";
import { WithdrawalForm } from "@/components/participation/WithdrawalForm";
import { getDb } from "@/lib/db/client";
import { loadManageView } from "@/lib/participation/manage-participation";
import { withdrawAction } from "../actions";
import { countUnknownLinkFromThisClient } from "@/lib/security/unknown-link";

export const metadata: Metadata = { title: "Withdraw from the research", robots: { index: false } };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ from?: string }> };

export default async function WithdrawPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { from } = await searchParams;
  const view = await loadManageView(getDb(), token);
  if (view.kind === "invalid") {
    await countUnknownLinkFromThisClient();
    return <InvalidLink />;
  }
  const open = view.participations.filter((p) => p.canWithdraw).map((p) => ({ id: p.id, title: p.studyTitle }));
  const chosen = open.find((p) => p.id === from);
  const preselected = from === "all" ? "all" : (chosen?.id ?? null);
  const heading = chosen
    ? `Withdraw from ${chosen.title}`
    : from === "all"
      ? "Withdraw from all studies"
      : "Withdraw from the research";
  return (
    <>
      <BackLink href={`/manage/${token}`} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1 className="nhsuk-heading-l">{heading}</h1>
          {open.length === 0 ? (
            <p>You have already withdrawn from every study.</p>
          ) : (
            <>
              <p>
                You can withdraw at any time, without giving a reason. Anything arranged for you, such as an interview
                or a workshop place, will be cancelled.
              </p>
              <WithdrawalForm action={withdrawAction.bind(null, token)} studies={open} preselected={preselected} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
