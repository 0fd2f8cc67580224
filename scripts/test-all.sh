#!/usr/bin/env bash
# `npm test`: every check CI runs, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

echo "== Prisma client"
npx prisma generate >/dev/null
echo "== Lint, format and types"
npm run lint
echo "== Unit and integration tests (vitest)"
npx vitest run
echo "== Production build"
npx next build
echo "== Browser tests (Playwright in Debian's Chromium, against the production build)"
bash scripts/ensure-chromium.sh
npx playwright test
