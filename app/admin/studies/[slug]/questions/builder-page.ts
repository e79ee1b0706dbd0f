import { notFound } from "next/navigation";
import type { Researcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { questionSetForBuilder } from "@/lib/questions/question-set-drafts";
import { findStudyForAdmin } from "@/lib/studies/find-study";

/** The study and its question set's draft, for the builder's form pages (the page has checked for an admin); 404 without a draft. */
export async function draftForPage(researcher: Researcher, slug: string) {
  const study = await findStudyForAdmin(getDb(), researcher, slug);
  if (!study) notFound();
  const builder = await questionSetForBuilder(getDb(), researcher, study.id);
  if (!builder.draft) notFound();
  return { study, researcher, ...builder, draft: builder.draft };
}
