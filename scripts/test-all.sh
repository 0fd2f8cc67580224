#!/usr/bin/env bash
# `npm test`: every check CI runs, in the order that fails fastest. Integration tests and the
# write and reliability browser tests run on SQLite and on PostgreSQL: a throwaway PostgreSQL
# cluster is started for the run (scripts/pg-cluster.sh) unless PULSE_TEST_PG_URL names one.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
SECONDS=0
stamp() { echo "   ($1 took $((SECONDS - $2)) s; ${SECONDS} s so far)"; }

echo "== Prisma clients, and the derived PostgreSQL schema up to date (npm run db:schemas)"
npm run --silent db:generate >/dev/null
npx tsx scripts/db-schemas.ts --check
echo "== Lint, format and types"
npm run lint

if [[ -z "${PULSE_TEST_PG_URL:-}" ]]; then
  echo "== PostgreSQL: a throwaway cluster for this run"
  eval "$(bash scripts/pg-cluster.sh start)"
  trap 'bash scripts/pg-cluster.sh stop "$PULSE_PG_DIR"' EXIT
fi

echo "== Unit and integration tests (vitest: SQLite, then the integration tests on PostgreSQL)"
# One project after the other: together on two cores the slowest tests outran their timeouts.
t=$SECONDS
npx vitest run --project sqlite
stamp "vitest (SQLite)" $t
t=$SECONDS
npx vitest run --project postgres
stamp "vitest (PostgreSQL)" $t
echo "== Production build"
t=$SECONDS
npx next build
stamp build $t
echo "== Browser tests (Playwright in Debian's Chromium, against the production build, SQLite)"
bash scripts/ensure-chromium.sh
t=$SECONDS
npx playwright test
stamp "browser tests (SQLite)" $t
echo "== Write and reliability browser tests on PostgreSQL"
# The write specs run against the shared server on this database; each reliability spec (and
# private-mode) creates a database of its own on the cluster (PULSE_TEST_DB=postgres) and drops it.
t=$SECONDS
e2e_db="pulse_e2e_$$"
psql "$PULSE_TEST_PG_URL" -qc "CREATE DATABASE $e2e_db"
PULSE_TEST_DB=postgres E2E_DATABASE_URL="${PULSE_TEST_PG_URL%/*}/$e2e_db" \
  npx playwright test --project=write --project=reliability --no-deps
psql "$PULSE_TEST_PG_URL" -qc "DROP DATABASE $e2e_db WITH (FORCE)"
stamp "write and reliability browser tests (PostgreSQL)" $t
