#!/usr/bin/env bash
# Adds a migration for both providers of one module: eng/add-migration.sh Catalog AddSomething
# A module with a second store names its context third: eng/add-migration.sh Sharing AddSomething Evidence
set -euo pipefail
module="$1"; name="$2"; context="${3:-$module}"
folder="Migrations"; [ "$context" = "$module" ] || folder="${context}Migrations"
root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/src/Modules/$module/Yiwang.Modules.$module"
cd "$root"
dotnet tool restore >/dev/null
dotnet build "$project" -v q -nologo >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$project" \
    --context "${context}${provider}DbContext" --output-dir "Persistence/$folder/$provider"
done
# Migrations are module internals: only the registration class of a module is public (see the architecture tests).
find "$project/Persistence/$folder" -name '*.cs' -print0 | xargs -0 sed -i 's/^    public partial class /    internal partial class /'
