import { SERVICE_NAME, STUDY_CONTACT } from "@/lib/site";

/**
 * The page people see while the database cannot be reached: the NHS "service unavailable" pattern, in
 * plain HTML with its styles inline, because nothing else (Next.js, its stylesheets) may be working. It
 * names no error and shows no stack: the person only needs to know it is not their fault and when to
 * come back.
 */
export const RETRY_AFTER_SECONDS = 120;

export function unavailablePage(): string {
  const title = `Sorry, the service is unavailable – ${SERVICE_NAME}`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>
body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:1.1875rem;line-height:1.5;color:#212b32;background:#f0f4f5}
header{background:#005eb8;color:#fff;padding:1rem}
header p{margin:0 auto;max-width:40em;font-weight:bold}
main{display:block;max-width:40em;margin:0 auto;padding:2rem 1rem}
h1{font-size:2rem;line-height:1.25;margin:0 0 1.5rem}
a{color:#005eb8}
a:focus{outline:4px solid transparent;background:#ffeb3b;box-shadow:0 -2px #ffeb3b,0 4px #212b32;color:#212b32;text-decoration:none}
</style>
</head>
<body>
<header><p>${SERVICE_NAME}</p></header>
<main id="main-content">
<h1>Sorry, the service is unavailable</h1>
<p>You will be able to use the service again soon. Please try again in a few minutes.</p>
<p>If you were filling in a form, your answers may not have been saved.</p>
<p>If you need help, contact ${STUDY_CONTACT.name} at <a href="mailto:${STUDY_CONTACT.email}">${STUDY_CONTACT.email}</a>.</p>
</main>
</body>
</html>
`;
}
