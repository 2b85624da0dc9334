#!/usr/bin/env bash
# Runs every test suite and ends with one line "N passed, N failed".
#
#   unit          pure functions, no database
#   integration   against PostgreSQL when DATABASE_URL is set (a fresh database
#                 per test file), else against in-memory PGlite; with
#                 DATABASE_URL set it runs a second time on PGlite
#   e2e           Playwright in Chromium against `next start`; skipped with a
#                 hint when no Chromium is found, except under CI=true
set -u
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
results=.test-results
rm -rf "$results" && mkdir -p "$results"
status=0

run_vitest() {
  local label=$1
  shift
  echo "== $label"
  npx vitest run "$@" --reporter=default --reporter=json --outputFile="$results/$label.json" || status=1
}

run_vitest unit --project unit
run_vitest integration --project integration
if [ -n "${DATABASE_URL:-}" ]; then
  TEST_DATABASE=pglite run_vitest integration-pglite --project integration
fi

chromium=${CHROMIUM_PATH:-}
if [ -z "$chromium" ]; then
  chromium=$(command -v chromium || command -v chromium-browser || true)
fi
if [ -n "$chromium" ] && [ -x "$chromium" ]; then
  echo "== e2e (Chromium at $chromium)"
  export CHROMIUM_PATH=$chromium
  if npx next build > "$results/next-build.log" 2>&1; then
    PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --reporter=list,json || status=1
  else
    cat "$results/next-build.log"
    echo "next build failed; e2e tests not run"
    echo '{"stats":{"expected":0,"unexpected":1}}' > "$results/e2e.json"
    status=1
  fi
elif [ "${CI:-}" = "true" ]; then
  echo "== e2e: no Chromium found and CI=true; install it (apt-get install -y chromium) or set CHROMIUM_PATH"
  echo '{"stats":{"expected":0,"unexpected":1}}' > "$results/e2e.json"
  status=1
else
  echo "== e2e skipped: no Chromium found. Install Debian's chromium (apt-get install -y chromium)"
  echo "   or set CHROMIUM_PATH to a Chromium binary, then run npm test again."
fi

node scripts/summarize-tests.mjs "$results" || status=1
exit $status
