import { z } from "zod";

/** Choosing the session to give someone a place at (or to move them to). */
export const placeFormSchema = z.object({
  sessionId: z.uuid({ error: "Choose a session" }),
});

/** Recording whether someone came to their session. */
export const attendanceFormSchema = z.object({
  attendance: z.enum(["ATTENDED", "DID_NOT_ATTEND"], { error: "Choose whether they came to the session" }),
});
