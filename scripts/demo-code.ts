/** `npm run demo:code`: the demo researcher's current authenticator code (development only). */
import { currentTotpCode } from "@/lib/auth/totp";
import { DEMO_RESEARCHER } from "@/lib/db/seed";

const seconds = 30 - (Math.floor(Date.now() / 1000) % 30);
process.stdout.write(
  `${currentTotpCode(DEMO_RESEARCHER.totpSecret)}  (valid for another ${seconds} s; ${DEMO_RESEARCHER.email})\n`,
);
