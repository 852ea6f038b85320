#!/usr/bin/env bash
# Regenerates the API client the workflow test drives (issue #12 item 6), from the document the app serves:
#   1. runs OpenApiSnapshotTests with TUMORBOARD_WRITE_OPENAPI_SNAPSHOT=1, which writes the served /openapi/v1.json
#      (without `servers`) to ApiClient/openapi.json;
#   2. generates the C# client from it with Kiota (Microsoft.OpenApi.Kiota 1.38.0, a local tool in dotnet-tools.json)
#      into ApiClient/Generated.
# Commit both. OpenApiSnapshotTests fails whenever the served document and the snapshot differ.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
TUMORBOARD_WRITE_OPENAPI_SNAPSHOT=1 dotnet test tests/TumorBoard.IntegrationTests \
  --filter "FullyQualifiedName~TumorBoard.IntegrationTests.ApiClient.OpenApiSnapshotTests"
rm -rf "$here/Generated"
dotnet kiota generate --language CSharp --openapi "$here/openapi.json" --output "$here/Generated" \
  --namespace-name TumorBoard.IntegrationTests.ApiClient.Generated --class-name TumorBoardClient \
  --exclude-backward-compatible --clean-output --log-level Warning
rm -f "$here/Generated/kiota-lock.json" "$here/Generated/.kiota.log"   # absolute paths of this machine; the command above is the record
echo "Regenerated $here/Generated from $here/openapi.json"
