"use client";

import { useActionState } from "react";
import { Button, type ButtonVariant } from "@/components/nhs";

export type ActionButtonState = { error: string } | null;

/**
 * A form of one button that runs a server action (publish, retry, disable…), with the action's refusal
 * shown beside it when there is one. The action redirects when it succeeds. Works without JavaScript.
 */
export function ActionButton({
  action,
  label,
  pendingLabel,
  variant,
  small,
  id,
}: {
  action: (previous: ActionButtonState, formData: FormData) => Promise<ActionButtonState>;
  label: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  small?: boolean;
  id?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="app-action-form">
      {state?.error ? (
        <p className="nhsuk-error-message" id={id ? `${id}-error` : undefined} role="alert">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {state.error}
        </p>
      ) : null}
      <Button variant={variant} small={small} disabled={pending} id={id}>
        {pending ? (pendingLabel ?? label) : label}
      </Button>
    </form>
  );
}
