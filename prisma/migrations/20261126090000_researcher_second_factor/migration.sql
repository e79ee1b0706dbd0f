-- A one-time code may be used once: remember the time step of the last code accepted for each
-- researcher, and refuse that step and any earlier one (OWASP ASVS 2.8.4).
ALTER TABLE "researchers" ADD COLUMN "totp_last_step" INTEGER;
