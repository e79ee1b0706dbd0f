import { RecordNotFoundError } from "@/lib/volunteers/errors";
import { exportVolunteerData } from "@/lib/volunteers/export-volunteer-data";
import { volunteerIdSchema } from "@/lib/volunteers/forms";
import { researcherForRoute } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

type Context = { params: Promise<{ id: string }> };

const notFound = () => new Response("Not found.", { status: 404, headers: { "Cache-Control": "no-store" } });

/** Everything held about one volunteer, as a JSON download (a subject access request). Audited. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const actor = await researcherForRoute();
  if (actor instanceof Response) return actor;
  const id = volunteerIdSchema.safeParse((await params).id);
  if (!id.success) return notFound();
  let data;
  try {
    data = await exportVolunteerData(getDb(), actor, id.data);
  } catch (error) {
    if (error instanceof RecordNotFoundError) return notFound();
    throw error;
  }
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="volunteer-${id.data}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
