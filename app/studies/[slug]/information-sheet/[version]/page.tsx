import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findInformationSheet } from "@/lib/studies/information-sheets";
import { InformationSheetPage } from "../InformationSheetPage";

type Props = { params: Promise<{ slug: string; version: string }> };

async function load(params: Props["params"]) {
  const { slug, version } = await params;
  return findInformationSheet(slug, decodeURIComponent(version));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await load(params);
  return {
    title: view
      ? `Participant information sheet, version ${view.sheet.version} – ${view.study.title}`
      : "Page not found",
  };
}

export default async function InformationSheetVersionPage({ params }: Props) {
  const view = await load(params);
  if (!view) notFound();
  return <InformationSheetPage view={view} />;
}
