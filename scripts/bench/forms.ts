/**
 * Forms as a browser without JavaScript reads and posts them: the benchmarks drive the portal only over
 * HTTP, the way such a browser would, so what they measure is what a person's request costs.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

export type Input = { type: string; name: string; value: string };

/** The inputs of the form that contains `marker` (an attribute or text inside it). */
export function formInputs(html: string, marker: string): Input[] {
  const at = html.indexOf(marker);
  if (at === -1) return [];
  const form = html.slice(html.lastIndexOf("<form", at), html.indexOf("</form>", at));
  return [...form.matchAll(/<input\b([^>]*)>/g)].map(([, attributes]) => {
    const attribute = (name: string) => decode(new RegExp(`\\b${name}="([^"]*)"`).exec(attributes!)?.[1] ?? "");
    return { type: attribute("type") || "text", name: attribute("name"), value: attribute("value") };
  });
}

export const hiddenFields = (inputs: Input[]) =>
  inputs.filter((i) => i.type === "hidden").map((i): [string, string] => [i.name, i.value]);

export function formData(fields: Iterable<[string, string]>): FormData {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return body;
}

export async function request(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; location: string; html: string }> {
  const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), ...init });
  const html = await response.text();
  return { status: response.status, location: response.headers.get("location") ?? "", html };
}

// Browsers send Origin with every form post; Next.js checks it against the host for server actions.
export const post = (url: string, body: FormData, cookie?: string) =>
  request(url, { method: "POST", body, headers: { origin: new URL(url).origin, ...(cookie ? { cookie } : {}) } });

/**
 * The hidden fields of the check-your-answers form, which name the registration's server action: the same
 * for everyone, so read once from the page a draft's cookie opens.
 */
export async function registrationFields(base: string, draftToken: string): Promise<[string, string][]> {
  const page = await request(`${base}/register/check-answers`, { headers: { cookie: `registration=${draftToken}` } });
  const fields = hiddenFields(formInputs(page.html, ">Register</button>"));
  if (fields.length === 0) throw new Error("Could not find the registration form's fields.");
  return fields;
}

/** The final no-JavaScript submit of check-your-answers; true when answered with the confirmation's 303. */
export async function submitRegistration(base: string, fields: [string, string][], draftToken: string) {
  const r = await post(`${base}/register/check-answers`, formData(fields), `registration=${draftToken}`);
  return { status: r.status, ok: r.status === 303 && r.location.includes("/register/confirmation") };
}
