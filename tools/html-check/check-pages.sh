#!/usr/bin/env bash
# Validates the pages the integration tests rendered (RenderedPagesTests keeps them in $TUMORBOARD_RENDERED_PAGES) with
# the Nu HTML checker (npm package vnu-jar, pinned in package.json; needs Java). Exit 0: no errors; 1: errors (listed);
# 2: nothing to check or the checker is missing.
#   tools/html-check/check-pages.sh <folder of .html files>
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
folder="${1:-${TUMORBOARD_RENDERED_PAGES:-}}"
if [ -z "$folder" ] || ! compgen -G "$folder/*.html" >/dev/null; then
  echo "html-check: no rendered pages in '${folder}' (run the RenderedPagesTests with TUMORBOARD_RENDERED_PAGES set)"; exit 2
fi
command -v java >/dev/null || { echo "html-check: java is not installed"; exit 2; }
jar="$here/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$jar" ]; then
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null 2>&1) || { echo "html-check: npm ci failed"; exit 2; }
fi
count=$(ls "$folder"/*.html | wc -l)
out=$(java -jar "$jar" --errors-only --format gnu "$folder"/*.html 2>&1)
rc=$?
if [ $rc -ne 0 ] || [ -n "$out" ]; then
  echo "$out" | sed "s|$folder/||"
  echo "html-check: $(echo "$out" | grep -c ':.*error') errors in $count pages"
  exit 1
fi
echo "html-check: $count pages, 0 errors"
