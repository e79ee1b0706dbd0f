#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on the machines this project
# runs on (see prisma.config.ts). Commands that really need the engine end here with a clear message.
echo "The Prisma schema engine is not installed, so 'prisma migrate' and 'prisma db' cannot run here." >&2
echo "Apply migrations with: npm run db:migrate" >&2
exit 1
