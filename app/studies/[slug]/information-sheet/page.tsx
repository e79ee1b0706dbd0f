import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findInformationSheet } from "@/lib/studies/information-sheets";
import { InformationSheetPage } from "./InformationSheetPage";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await findInformationSheet((await params).slug);
  return { title: view ? `Participant information sheet – ${view.study.title}` : "Page not found" };
}

export default async function CurrentInformationSheetPage({ params }: Props) {
  const view = await findInformationSheet((await params).slug);
  if (!view) notFound();
  return <InformationSheetPage view={view} />;
}
