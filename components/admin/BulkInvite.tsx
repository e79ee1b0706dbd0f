"use client";

import Link from "next/link";
import { createContext, useActionState, useContext, useEffect, useRef, type ReactNode } from "react";
import { Button, ErrorMessage, ErrorSummary, FormGroup } from "@/components/nhs";
import type { BulkInviteState } from "@/lib/volunteers/invite-volunteers";

/**
 * Bulk invitation on the volunteers list. The form element sits at the top of the page (with the outcome
 * of the last submission); the checkboxes in the table and the button below it belong to it through
 * their `form` attribute, so the list's own search form (a GET form) is not nested inside it. Works
 * without JavaScript: the browser posts the form and the page comes back with the outcome.
 */
export const BULK_INVITE_FORM = "bulk-invite";

type Context = { state: BulkInviteState; formAction: (formData: FormData) => void; pending: boolean };
const BulkInviteContext = createContext<Context | null>(null);

function useBulkInvite(): Context {
  const context = useContext(BulkInviteContext);
  if (!context) throw new Error("BulkInvite parts must be inside <BulkInvite>");
  return context;
}

export function BulkInvite({
  action,
  children,
}: {
  action: (previous: BulkInviteState, formData: FormData) => Promise<BulkInviteState>;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return <BulkInviteContext value={{ state, formAction, pending }}>{children}</BulkInviteContext>;
}

/** The form itself, the error summary, and the outcome of the last invitation. */
export function BulkInviteForm({ studyId, firstCheckboxId }: { studyId: string; firstCheckboxId: string | null }) {
  const { state, formAction } = useBulkInvite();
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state) (document.getElementById("error-summary") ?? outcome.current)?.focus();
  }, [state]);
  return (
    <form id={BULK_INVITE_FORM} action={formAction}>
      <input type="hidden" name="studyId" value={studyId} />
      {state && "error" in state ? (
        <ErrorSummary errors={[{ href: `#${firstCheckboxId ?? "volunteers"}`, text: state.error }]} />
      ) : null}
      {state && "result" in state ? (
        <div ref={outcome} tabIndex={-1}>
          <InvitationOutcome result={state.result} />
        </div>
      ) : null}
    </form>
  );
}

function InvitationOutcome({ result }: { result: Extract<BulkInviteState, { result: unknown }>["result"] }) {
  const { invited, notInvited, studyTitle } = result;
  const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;
  const success = invited.length > 0;
  return (
    <div
      className={`nhsuk-notification-banner${success ? " nhsuk-notification-banner--success" : ""}`}
      role={success ? "alert" : "region"}
      aria-labelledby="bulk-invite-title"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="bulk-invite-title">
          {success ? "Success" : "Important"}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">
          {success ? `${people(invited.length)} invited to ${studyTitle}` : `No one was invited to ${studyTitle}`}
        </p>
        {invited.length > 0 ? (
          <>
            <p>They have been sent the information sheet and a link to the consent form:</p>
            <ul>
              {invited.map((p) => (
                <li key={p.participationId}>
                  <Link href={`/admin/volunteers/${p.volunteerId}`} prefetch={false}>
                    {p.fullName}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {notInvited.length > 0 ? (
          <>
            <p>{people(notInvited.length)} could not be invited:</p>
            <ul>
              {notInvited.map((p) => (
                <li key={p.participationId}>
                  {p.volunteerId ? (
                    <Link href={`/admin/volunteers/${p.volunteerId}`} prefetch={false}>
                      {p.fullName}
                    </Link>
                  ) : (
                    "Unknown volunteer"
                  )}
                  : {p.reason}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}

/** Below the table: the inline error and the button. */
export function BulkInviteButton({ studyTitle }: { studyTitle: string }) {
  const { state, pending } = useBulkInvite();
  const error = state && "error" in state ? state.error : null;
  return (
    <FormGroup error={Boolean(error)}>
      {error ? <ErrorMessage id="bulk-invite-error">{error}</ErrorMessage> : null}
      <Button form={BULK_INVITE_FORM} disabled={pending} aria-describedby={error ? "bulk-invite-error" : undefined}>
        {pending ? "Inviting…" : `Invite selected to ${studyTitle}`}
      </Button>
    </FormGroup>
  );
}
