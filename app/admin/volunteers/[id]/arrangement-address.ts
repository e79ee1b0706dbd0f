import { notFound } from "next/navigation";
import { z } from "zod";

export type ArrangementPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; study?: string }>;
};

/**
 * What the address of a volunteer's interview or workshop page says: whose page (a UUID, or a 404 before
 * any query), which of their studies, and which confirmation to show.
 */
export async function arrangementAddress({ params, searchParams }: ArrangementPageProps) {
  const { id } = await params;
  const { done, study } = await searchParams;
  const volunteerId = z.uuid().safeParse(id);
  if (!volunteerId.success) notFound();
  return {
    input: { volunteerId: volunteerId.data, ...(typeof study === "string" ? { studySlug: study } : {}) },
    done: typeof done === "string" ? done : undefined,
  };
}
