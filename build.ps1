# Thin wrapper: every command lives in the C# build tool (tools/Build), so build.ps1 and build.sh cannot drift.
# ./build.ps1 run    set up, build everything, report the artefacts against the partitions
# ./build.ps1 test   set up, build, run every test suite
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) { Write-Error 'the .NET 10 SDK (dotnet) is required: https://dot.net'; exit 1 }
$env:DOTNET_NOLOGO = '1'; $env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
# The tool runs from its Debug output so that building the solution (Release) never overwrites it while it runs.
dotnet run --project tools/Build/Build.csproj -c Debug -- @args
exit $LASTEXITCODE
