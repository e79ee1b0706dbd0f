"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useSyncExternalStore, type FormEvent } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { FormState, FormValues } from "@/lib/forms/form-state";

export type StepAction = (
  previous: FormState<object, FormValues>,
  formData: FormData,
) => Promise<FormState<object, FormValues>>;

const subscribeNothing = () => () => undefined;

/** False in the server's HTML and until React has hydrated; true once scripts run in the browser. */
export function useHasJavaScript(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

/**
 * One registration step's form, progressively enhanced. Without JavaScript the <form> posts to the
 * server action and the server's answer (errors and the answers given) comes back as the page. With
 * JavaScript, react-hook-form checks the same zod schema first, so errors appear without a round trip,
 * and only a valid form is sent to the same server action, which checks it again.
 */
export function useStepForm(schema: z.ZodType, action: StepAction, saved: Record<string, unknown>) {
  const [state, formAction, pending] = useActionState(action, null);
  const values = state?.values ?? saved;
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    defaultValues: values,
    shouldFocusError: false,
  });

  const clientErrors = Object.fromEntries(
    Object.entries(form.formState.errors).flatMap(([field, error]) =>
      typeof error?.message === "string" ? [[field, error.message]] : [],
    ),
  );
  const errors: Record<string, string> = Object.keys(clientErrors).length > 0 ? clientErrors : (state?.errors ?? {});
  const errorCount = Object.keys(errors).length;

  // After a failed submit (checked here or on the server), move focus to the error summary and say so in
  // the title, as GOV.UK does. Only then: fixing one field must never pull focus away from the next.
  const submitCount = form.formState.submitCount;
  const hasErrors = errorCount > 0;
  useEffect(() => {
    if (!hasErrors) return;
    document.getElementById("error-summary")?.focus();
    if (!document.title.startsWith("Error: ")) document.title = `Error: ${document.title}`;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new submit or a new server answer moves focus
  }, [submitCount, state]);

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const element = event.currentTarget;
    void form.handleSubmit(() => {
      startTransition(() => formAction(new FormData(element)));
    })(event);
  }

  /** The saved or just-posted answer to a question, as the form's first render needs it. */
  const text = (field: string): string => (typeof values[field] === "string" ? (values[field] as string) : "");
  const list = (field: string): string[] => {
    const value = values[field];
    return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
  };

  return { form, errors, pending, formAction, onSubmit, text, list };
}
