import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/ActionButton";
import { BackLink } from "@/components/nhs";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import { closeStudyAction } from "./actions";

export const metadata: Metadata = { title: "Close recruitment" };

/** The confirmation step before a study stops taking new interest. */
export default async function CloseStudyPage({ params }: { params: Promise<{ slug: string }> }) {
  const researcher = await requireResearcher("ADMIN");
  const { slug } = await params;
  const study = await findStudyForAdmin(getDb(), researcher, slug);
  if (!study) notFound();
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}`}>Back to the study</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{study.shortTitle}</span>
          <h1 className="nhsuk-heading-l">Close recruitment</h1>
          {study.status !== "RECRUITING" ? (
            <p>This study is not recruiting, so there is nothing to close.</p>
          ) : (
            <>
              <p>Once it is closed:</p>
              <ul>
                <li>the study no longer appears on the public pages, and nobody new can register for it</li>
                <li>
                  everyone already registered keeps their record, and people taking part carry on: invitations, consent,
                  interviews and workshops work as before
                </li>
                <li>people who signed its consent form can still read its information sheet</li>
              </ul>
              <p>You can open it for recruitment again later.</p>
              <ActionButton
                action={closeStudyAction.bind(null, study.slug)}
                label="Close recruitment"
                pendingLabel="Closing…"
                variant="warning"
                id="close"
              />
            </>
          )}
        </div>
      </div>
    </>
  );
}
