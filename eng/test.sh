#!/usr/bin/env bash
# Runs every test project once (SQLite by default; YIWANG_TEST_DB=postgres and YIWANG_TEST_PG for PostgreSQL)
# and prints "N passed, N failed". Test artifacts (screenshots, TRX) go to artifacts/.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts; rm -f artifacts/failures.txt
if ! dotnet build Yiwang.sln -c Release -nologo -v q > artifacts/build.log 2>&1; then
  grep -E 'error' artifacts/build.log | sort -u | head -50
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi
# The independent JOSE verifier (npm jose) the licence tests run under Node.
if command -v npm >/dev/null && [ ! -d tests/jose-check/node_modules/jose ]; then
  (cd tests/jose-check && npm ci --no-audit --no-fund >/dev/null 2>&1) || echo "npm ci in tests/jose-check failed"
fi
log="$(mktemp)"
dotnet test --solution Yiwang.sln -c Release --no-build --results-directory "$(pwd)/artifacts/test-results" 2>&1 | tee "$log" | grep -Ev '^\s*$'
rc=${PIPESTATUS[0]}
total=$(grep -E '^\s*total:' "$log" | tail -1 | awk '{print $2}')
failedn=$(grep -E '^\s*failed:' "$log" | tail -1 | awk '{print $2}')
passedn=$(grep -E '^\s*succeeded:' "$log" | tail -1 | awk '{print $2}')
# Each failed test by name with the first line of its message, so the end of a long log says what failed and why.
awk '/^failed /{name=$0; getline; getline; print "  " name; print "    " $0}' "$log" \
  | perl -CSD -pe 'chomp; $_ = substr($_, 0, 700) . "\n"' | head -40 > artifacts/failures.txt
if [ -s artifacts/failures.txt ]; then echo "failures:"; cat artifacts/failures.txt; fi
echo "${passedn:-0} passed, ${failedn:-0} failed"
exit $rc
