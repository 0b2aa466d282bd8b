#!/usr/bin/env bash
# Publishes the platform for deployment: framework-dependent, ReadyToRun (precompiled, so start-up skips most JIT).
# Usage: eng/publish.sh [OUTPUT_DIR]   (default artifacts/app); then: dotnet OUTPUT_DIR/yiwang.dll serve
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/app}"
dotnet publish src/Yiwang.Host -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out" -nologo -v q
echo "published to $out"
