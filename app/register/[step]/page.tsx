import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { BackLink } from "@/components/nhs";
import { AboutYouForm } from "@/components/registration/AboutYouForm";
import { InternationalExperienceForm } from "@/components/registration/InternationalExperienceForm";
import { TakingPartForm } from "@/components/registration/TakingPartForm";
import { YourWorkForm } from "@/components/registration/YourWorkForm";
import { listRecruitingStudies } from "@/lib/studies/recruiting-studies";
import { isStepSlug, registrationSteps } from "@/lib/registration/schema";
import { firstIncompleteStep, previousStepPath } from "@/lib/registration/step-order";
import { saveRegistrationStep } from "../actions";
import { currentDraft } from "../draft-cookie";

type Props = { params: Promise<{ step: string }>; searchParams: Promise<{ change?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { step } = await params;
  const title = registrationSteps.find((s) => s.slug === step)?.title;
  return { title: title ? `${title} – Register your interest` : "Register your interest" };
}

export default async function RegistrationStepPage({ params, searchParams }: Props) {
  const { step } = await params;
  if (!isStepSlug(step)) notFound();
  const changing = (await searchParams).change === "1";

  const draft = await currentDraft();
  if (!draft) redirect("/register?expired=1");
  if (draft.submitted) redirect("/register/confirmation");

  // Steps are answered in order: a later step's address leads back to the first one not yet answered.
  const studies = await listRecruitingStudies();
  const firstIncomplete = firstIncompleteStep(draft.answers, studies);
  const index = registrationSteps.findIndex((s) => s.slug === step);
  const firstIncompleteIndex = registrationSteps.findIndex((s) => s.slug === firstIncomplete);
  if (firstIncompleteIndex !== -1 && index > firstIncompleteIndex) redirect(`/register/${firstIncomplete}`);

  const caption = `Register your interest: step ${index + 1} of ${registrationSteps.length}`;
  const action = saveRegistrationStep.bind(null, step, changing);
  const props = { action, saved: draft.answers, caption };
  return (
    <>
      <BackLink href={changing ? "/register/check-answers" : previousStepPath(step)} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {step === "about-you" ? <AboutYouForm {...props} /> : null}
          {step === "your-work" ? <YourWorkForm {...props} /> : null}
          {step === "international-experience" ? <InternationalExperienceForm {...props} /> : null}
          {step === "taking-part" ? (
            <TakingPartForm
              {...props}
              studies={studies.map((s) => ({ slug: s.slug, kind: s.kind, title: s.title, summary: s.summary }))}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
