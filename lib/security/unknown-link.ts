import "server-only";
import { headers } from "next/headers";
import { clientKeyFromHeaders } from "@/lib/security/client-address";
import { countUnknownTokenLink } from "@/lib/security/rate-limit";

/**
 * Called where a personal link turned out to match nothing: someone trying tokens meets far more of
 * these than a person with an old email, so the proxy's gate refuses them sooner.
 */
export async function countUnknownLinkFromThisClient(): Promise<void> {
  await countUnknownTokenLink(clientKeyFromHeaders(await headers()));
}
