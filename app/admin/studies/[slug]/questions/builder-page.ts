import { notFound } from "next/navigation";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { questionSetForBuilder } from "@/lib/questions/question-set-drafts";
import { findStudyForAdmin } from "@/lib/studies/find-study";

/** The study and its question set's draft, for the builder's form pages (admins only); 404 without a draft. */
export async function draftForPage(slug: string) {
  const researcher = await requireResearcher("ADMIN");
  const study = await findStudyForAdmin(getDb(), researcher, slug);
  if (!study) notFound();
  const builder = await questionSetForBuilder(getDb(), researcher, study.id);
  if (!builder.draft) notFound();
  return { study, researcher, ...builder, draft: builder.draft };
}
