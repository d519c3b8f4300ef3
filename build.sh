#!/usr/bin/env bash
# Thin wrapper: every command lives in the C# build tool (tools/Build), so build.sh and build.ps1 cannot drift.
# ./build.sh run    set up, build everything, report the artefacts against the partitions
# ./build.sh test   set up, build, run every test suite
set -euo pipefail
cd "$(dirname "$0")"
command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK (dotnet) is required: https://dot.net" >&2; exit 1; }
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# The tool runs from its Debug output so that building the solution (Release) never overwrites it while it runs.
exec dotnet run --project tools/Build/Build.csproj -c Debug -- "$@"
