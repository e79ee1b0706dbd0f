import "server-only";
import { getDb } from "@/lib/db/client";
import type { StudyChoice } from "./schema";

export type StudyChoiceWithText = StudyChoice & { title: string; shortTitle: string; summary: string };

/** The studies a person can register for now: those recruiting, in the order the team set. */
export async function listStudyChoices(): Promise<StudyChoiceWithText[]> {
  return getDb().study.findMany({
    where: { status: "RECRUITING" },
    orderBy: [{ displayOrder: "asc" }, { createdAt: "asc" }],
    select: { slug: true, kind: true, title: true, shortTitle: true, summary: true },
  });
}
