#!/usr/bin/env bash
# Mutation testing of the manifest library and the analyzers (not part of CI: hours on 2 cores, see RESULTS.md).
# Usage: bash stryker/run.sh [manifest|analyzers|analyzers-arguments|analyzers-conflicts|analyzers-endpoints|all] [stryker options]
# (default: all; e.g. `bash stryker/run.sh analyzers -L` also writes Stryker's trace log). Reports go to StrykerOutput/<target>/.
set -euo pipefail
cd "$(dirname "$0")"

# Stryker's project analysis (Buildalyzer) gives 'dotnet --info' 10 s by default and then fails with
# "Could not find build environment"; on a loaded machine it can take longer.
export DOTNET_INFO_WAIT_TIME="${DOTNET_INFO_WAIT_TIME:-120000}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Read by tests/ScopeGen.Analyzers.Tests' project file (MSBuild takes environment variables as properties): the build
# Stryker makes stops each test run at its first failure (xunit.runner.mutation.json). Other test projects ignore it.
export ScopeGenMutationRun=true

dotnet tool restore
targets=("${1:-all}")
shift || true
if [ "${targets[0]}" = all ]; then targets=(manifest analyzers); fi
for target in "${targets[@]}"; do
  dotnet stryker --config-file "$target.json" --output "../StrykerOutput/$target" "$@"
done
