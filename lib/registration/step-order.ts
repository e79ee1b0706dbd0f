import { registrationSteps, stepSchema, type RegistrationStepSlug, type StudyChoice } from "./schema";

/** The first step whose answers are missing or no longer valid, or "check-answers" when all are done. */
export function firstIncompleteStep(
  answers: Record<string, unknown>,
  studies: readonly StudyChoice[],
): RegistrationStepSlug | "check-answers" {
  for (const step of registrationSteps) {
    if (!stepSchema(step.slug, studies).safeParse(answers).success) return step.slug;
  }
  return "check-answers";
}

export function nextStepPath(step: RegistrationStepSlug): string {
  const index = registrationSteps.findIndex((s) => s.slug === step);
  const next = registrationSteps[index + 1];
  return next ? `/register/${next.slug}` : "/register/check-answers";
}

export function previousStepPath(step: RegistrationStepSlug): string {
  const index = registrationSteps.findIndex((s) => s.slug === step);
  const previous = registrationSteps[index - 1];
  return previous ? `/register/${previous.slug}` : "/register";
}
