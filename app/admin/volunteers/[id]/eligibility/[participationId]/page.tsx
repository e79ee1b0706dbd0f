import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClearOverrideForm, OverrideEligibilityForm } from "@/components/admin/volunteers/OverrideEligibilityForm";
import { BackLink, InsetText, SummaryList } from "@/components/nhs";
import { loadParticipationOfVolunteer } from "@/lib/volunteers/load-participation";
import { eligibilityForResearchers } from "@/lib/participation/status-words";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { formatUkDate } from "@/lib/text/uk-dates";
import { z } from "zod";
import { clearOverrideAction, overrideEligibilityAction } from "../../actions";

export const metadata: Metadata = { title: "Override eligibility" };

type Props = { params: Promise<{ id: string; participationId: string }> };

const idsSchema = z.object({ id: z.uuid(), participationId: z.uuid() });

/** Override the eligibility worked out from a volunteer's answers for one study, giving a reason; or remove an override. */
export default async function OverrideEligibilityPage({ params }: Props) {
  const researcher = await requireResearcher();
  const ids = idsSchema.safeParse(await params);
  if (!ids.success) notFound();
  const p = await loadParticipationOfVolunteer(getDb(), researcher, {
    volunteerId: ids.data.id,
    participationId: ids.data.participationId,
  });
  if (!p) notFound();
  const back = `/admin/volunteers/${ids.data.id}`;
  return (
    <>
      <BackLink href={back}>Back to the volunteer</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l app-break-word">{p.volunteerName}</span>
          <h1 className="nhsuk-heading-l">Override eligibility: {p.studyTitle}</h1>
          <SummaryList
            rows={[
              {
                key: "From their answers",
                value: (
                  <>
                    <p className={p.eligibilityReasons.length ? "nhsuk-u-margin-bottom-2" : "nhsuk-u-margin-bottom-0"}>
                      {eligibilityForResearchers[p.eligibility].label}
                    </p>
                    {p.eligibilityReasons.length ? (
                      <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
                        {p.eligibilityReasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    ) : null}
                  </>
                ),
              },
              {
                key: "Override",
                value: p.override
                  ? `${eligibilityForResearchers[p.override.outcome].label}, by ${p.override.by ?? "a researcher"}${p.override.at ? ` on ${formatUkDate(p.override.at)}` : ""}. Reason: ${p.override.reason}`
                  : "None",
              },
            ]}
          />
          {p.erased ? (
            <p>This person&apos;s details have been erased, so their eligibility cannot be changed.</p>
          ) : (
            <>
              <InsetText>
                <p>
                  If they have not been invited yet, their status changes to match. Once invited, their status stays as
                  it is: an override does not take back an invitation or a consent.
                </p>
              </InsetText>
              <OverrideEligibilityForm
                action={overrideEligibilityAction}
                volunteerId={ids.data.id}
                participationId={p.id}
                current={p.override?.outcome ?? p.eligibility}
              />
              {p.override ? (
                <>
                  <h2 className="nhsuk-heading-m">Remove the override</h2>
                  <p>The eligibility worked out from their answers will apply again.</p>
                  <ClearOverrideForm action={clearOverrideAction} volunteerId={ids.data.id} participationId={p.id} />
                </>
              ) : null}
            </>
          )}
        </div>
      </div>
    </>
  );
}
