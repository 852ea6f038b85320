#!/usr/bin/env bash
# Lints the OpenAPI document the app serves (/openapi/v1.json) with Redocly's recommended ruleset (issue #12 item 7).
# The document is written to tools/openapi/openapi.json by OpenApiDocumentTests (any integration run writes it, so
# .ci/run lints the one its own test run served); missing, or with --export, this script runs that test class first.
# Exit status: 0 when the document has no lint error (warnings are printed), 1 otherwise.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ "${1:-}" = "--export" ] || [ ! -s "$here/openapi.json" ]; then
  echo "openapi: exporting the served document (OpenApiDocumentTests)"
  dotnet test "$root/tests/TumorBoard.IntegrationTests" --filter "FullyQualifiedName~TumorBoard.IntegrationTests.OpenApi.OpenApiDocumentTests" \
    > "$here/export.log" 2>&1 || { echo "openapi: export failed (see tools/openapi/export.log)"; exit 1; }
  [ -s "$here/openapi.json" ] || { echo "openapi: the tests wrote no tools/openapi/openapi.json"; exit 1; }
fi

cd "$here"
if [ ! -x node_modules/.bin/redocly ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null || { echo "openapi: npm ci failed"; exit 1; }
fi
# Redocly prints a Node deprecation banner on some Node versions: harmless. The full report goes to lint.log; the
# console gets every error, a count of the warnings by rule and Redocly's verdict, so CI's tail stays readable.
node_modules/.bin/redocly lint --config redocly.yaml --format=stylish --max-problems 100000 openapi.json > lint.log 2>&1
lint_rc=$?
grep -E '^ +[0-9]+:[0-9]+ +error ' lint.log
grep -E '^ +[0-9]+:[0-9]+ +warning ' lint.log | awk '{print $3}' | sort | uniq -c | sed 's/^/openapi: warnings /'
grep -vE '^ +[0-9]+:[0-9]+ +(warning|error) ' lint.log | grep -E 'valid|warning|error|problem' | tail -5
exit $lint_rc
