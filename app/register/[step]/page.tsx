import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { BackLink } from "@/components/nhs";
import { AboutYouForm } from "@/components/registration/AboutYouForm";
import { ChooseStudiesForm } from "@/components/registration/ChooseStudiesForm";
import { QuestionPageForm } from "@/components/registration/QuestionPageForm";
import { TakingPartForm } from "@/components/registration/TakingPartForm";
import { listRecruitingStudies } from "@/lib/studies/recruiting-studies";
import {
  firstIncompletePath,
  firstIncompleteStep,
  journeySteps,
  previousStepPath,
  stepCaption,
} from "@/lib/registration/journey";
import { saveRegistrationStep } from "../actions";
import { currentDraft } from "../draft-cookie";

type Props = { params: Promise<{ step: string }>; searchParams: Promise<{ change?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { step } = await params;
  const draft = await currentDraft();
  const title = journeySteps(await listRecruitingStudies(), draft?.answers ?? {}).find((s) => s.slug === step)?.title;
  return { title: title ? `${title} – Register your interest` : "Register your interest" };
}

export default async function RegistrationStepPage({ params, searchParams }: Props) {
  const { step: slug } = await params;
  const changing = (await searchParams).change === "1";

  const draft = await currentDraft();
  const studies = await listRecruitingStudies();
  const steps = journeySteps(studies, draft?.answers ?? {});
  const known =
    steps.some((s) => s.slug === slug) ||
    studies.some((s) => s.questionSet.definition.pages.some((p) => p.slug === slug));
  if (!known) notFound();
  if (!draft) redirect("/register?expired=1");
  if (draft.submitted) redirect("/register/confirmation");
  // A page of a set the person's chosen studies do not ask leads to the step they are on.
  const step = steps.find((s) => s.slug === slug);
  if (!step) redirect(firstIncompletePath(studies, draft.answers));

  // Steps are answered in order: a later step's address leads back to the first one not yet answered.
  const firstIncomplete = firstIncompleteStep(studies, draft.answers);
  const index = steps.indexOf(step);
  const firstIncompleteIndex = firstIncomplete ? steps.findIndex((s) => s.slug === firstIncomplete.slug) : -1;
  if (firstIncompleteIndex !== -1 && index > firstIncompleteIndex) redirect(`/register/${firstIncomplete!.slug}`);

  const caption = stepCaption(steps, slug);
  const action = saveRegistrationStep.bind(null, slug, changing);
  const props = { action, saved: draft.answers, caption };
  const studyOptions = studies.map((s) => ({ slug: s.slug, kind: s.kind, title: s.title, summary: s.summary }));
  return (
    <>
      <BackLink href={changing ? "/register/check-answers" : previousStepPath(steps, slug)} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {step.kind === "about-you" ? <AboutYouForm {...props} /> : null}
          {step.kind === "choose-studies" ? <ChooseStudiesForm {...props} studies={studyOptions} /> : null}
          {step.kind === "questions" ? (
            <QuestionPageForm
              {...props}
              page={step.page}
              earlierQuestions={step.earlierQuestions}
              questionSetVersionId={step.questionSet.versionId}
            />
          ) : null}
          {step.kind === "taking-part" ? (
            <TakingPartForm {...props} studies={studyOptions} withStudyChoice={step.withStudyChoice} />
          ) : null}
        </div>
      </div>
    </>
  );
}
