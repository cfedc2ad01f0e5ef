#!/usr/bin/env bash
# Figure 5: `dotnet build` of a consumer with a 10,000-scope manifest and the generator, against the
# same consumer with the generated file added as plain source and no generator. 5 alternating runs
# each (full rebuilds, restore done once beforehand); prints every run and the median ratio.
# Usage: bash bench/whole-build.sh [scopes] [runs]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scopes="${1:-10000}"
runs="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1

dotnet build -c Release "$repo/generator/ScopeGen.Generator/ScopeGen.Generator.csproj" -nologo -v:q >/dev/null
gen="$repo/generator/ScopeGen.Generator/bin/Release/netstandard2.0"
yaml="${NUGET_PACKAGES:-$HOME/.nuget/packages}/yamldotnet/16.3.0/lib/netstandard2.0/YamlDotNet.dll"
dotnet run -c Release --project "$repo/bench/ScopeGen.Benchmarks" -- write-manifest "$scopes" "$work/bench.scopes.yaml" >/dev/null

make_project() { # $1 dir, $2 extra items
  mkdir -p "$1"
  cat > "$1/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Exe</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  $2
</Project>
XML
  cat > "$1/Program.cs" <<'CS'
Console.WriteLine(Bench.Api.Scopes.All.Count);
Console.WriteLine(Bench.Api.Scopes.IsDefined("workflow:create"));
CS
}

make_project "$work/with-generator" "<ItemGroup>
    <AdditionalFiles Include=\"../bench.scopes.yaml\" />
    <Analyzer Include=\"$gen/ScopeGen.Generator.dll;$gen/ScopeGen.Manifest.dll;$yaml\" />
    <CompilerVisibleProperty Include=\"RootNamespace\" />
  </ItemGroup>"
make_project "$work/plain-source" ""

dotnet build -c Release "$work/with-generator" -nologo -v:q
cp "$(find "$work/with-generator/obj" -name '*.g.cs' -path '*ScopeGen*' | head -n 1)" "$work/plain-source/Generated.cs"
dotnet build -c Release "$work/plain-source" -nologo -v:q

time_build() {
  local start end
  start=$(date +%s%N)
  dotnet build -c Release "$1" --no-restore --no-incremental -nologo -v:q >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

with=(); plain=()
for i in $(seq "$runs"); do
  w=$(time_build "$work/with-generator"); p=$(time_build "$work/plain-source")
  with+=("$w"); plain+=("$p")
  echo "run $i: with generator ${w} ms, plain source ${p} ms"
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mw=$(median "${with[@]}"); mp=$(median "${plain[@]}")
echo "scopes: $scopes, runs: $runs"
echo "median with generator: ${mw} ms; median plain source: ${mp} ms; ratio: $(awk -v a="$mw" -v b="$mp" 'BEGIN {printf "%.3f", a/b}')"
