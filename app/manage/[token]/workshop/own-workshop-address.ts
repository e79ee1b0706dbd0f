import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { findManageAccess } from "@/lib/participation/manage-participation";
import { countUnknownLinkFromThisClient } from "@/lib/security/unknown-link";
import { loadOwnWorkshopPage } from "@/lib/workshops/load-own-workshop-page";

export type OwnWorkshopProps = {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ p?: string; done?: string }>;
};

/**
 * The caller of a personal-link workshop page: a good manage link, and a participation of theirs in a
 * study of workshops (`?p=`). A bad link is "invalid" (counted, like every unknown link); a participation
 * that is not theirs is a 404.
 */
export async function ownWorkshopAddress(props: OwnWorkshopProps) {
  const { token } = await props.params;
  const { p, done } = await props.searchParams;
  const access = await findManageAccess(getDb(), token);
  if (!access) {
    await countUnknownLinkFromThisClient();
    return { kind: "invalid" as const };
  }
  const participationId = z.uuid().safeParse(p);
  if (!participationId.success) notFound();
  const view = await loadOwnWorkshopPage(getDb(), {
    volunteerId: access.volunteerId,
    participationId: participationId.data,
  });
  if (!view) notFound();
  return { kind: "ready" as const, token, view, done };
}
