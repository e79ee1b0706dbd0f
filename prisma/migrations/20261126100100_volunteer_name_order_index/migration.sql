-- The volunteers list sorts by name without regard to case: lower(full_name), then id so that equal names
-- keep one order from page to page. This index gives that order directly, so a filtered, sorted page walks
-- the names in order and stops after the page instead of sorting every match (a few milliseconds instead of
-- about a hundred with 100,000 volunteers).
--
-- schema.prisma cannot describe an index on an expression, so, like the CHECK constraints and triggers,
-- it lives here only (tests/integration/support/schema-description.ts leaves expression indexes out).
CREATE INDEX "volunteers_sort_name_idx" ON "volunteers" (lower("full_name"), "id");
