using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using N8n.Api;

namespace ScopeGen.Benchmarks;

/// <summary>
/// The generated <c>Scopes.ScopeSet</c> against the naive way to hold a stored grant: a
/// <see cref="HashSet{T}"/> of the split string, each entry checked against the defined scopes.
/// The grant is 30 of the n8n manifest's 67 scopes, space-delimited, as a key stores it.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ScopeSetBenchmarks
{
    private const string HitScope = "variable:list";
    private const string MissScope = "workflow:create";

    private static readonly HashSet<string> Defined = new(Scopes.All, StringComparer.Ordinal);

    private string stored = null!;
    private Scopes.ScopeSet set;
    private HashSet<string> hashSet = null!;
    private Scopes.ScopeSet readOnlySet;
    private HashSet<string> readOnlyHashSet = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Shuffled, so neither side profits from input already in manifest order.
        var granted = Scopes.All.Where(scope => !scope.StartsWith("workflow", StringComparison.Ordinal)).Take(29).Append(HitScope)
            .OrderBy(scope => scope.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995).ToArray();
        stored = string.Join(' ', granted);
        set = Scopes.ScopeSet.Parse(stored);
        hashSet = NaiveParse(stored);
        readOnlySet = Scopes.ScopeSet.Parse("readOnly", Scopes.ScopeSet.ParseOptions.ExpandPresets);
        readOnlyHashSet = new HashSet<string>(Scopes.Presets.ReadOnly, StringComparer.Ordinal);
        if (set.Count != 30 || hashSet.Count != 30 || set.Contains(MissScope) || !set.Contains(HitScope))
        {
            throw new InvalidOperationException("The benchmark grant must hold exactly 30 scopes, the hit scope and not the missed one.");
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Parse")]
    public HashSet<string> HashSet_Parse() => NaiveParse(stored);

    [Benchmark]
    [BenchmarkCategory("Parse")]
    public Scopes.ScopeSet ScopeSet_Parse() => Scopes.ScopeSet.Parse(stored);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("ContainsHit")]
    public bool HashSet_Contains_Hit() => hashSet.Contains(HitScope);

    [Benchmark]
    [BenchmarkCategory("ContainsHit")]
    public bool ScopeSet_Contains_Hit() => set.Contains(HitScope);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("ContainsMiss")]
    public bool HashSet_Contains_Miss() => hashSet.Contains(MissScope);

    [Benchmark]
    [BenchmarkCategory("ContainsMiss")]
    public bool ScopeSet_Contains_Miss() => set.Contains(MissScope);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("IsSubsetOf")]
    public bool HashSet_IsSubsetOf() => hashSet.IsSubsetOf(readOnlyHashSet);

    [Benchmark]
    [BenchmarkCategory("IsSubsetOf")]
    public bool ScopeSet_IsSubsetOf() => set.IsSubsetOf(readOnlySet);

    /// <summary>The canonical stored text: the scopes once each, in manifest order.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("ToString")]
    public string HashSet_ToCanonicalString() => string.Join(' ', Scopes.All.Where(hashSet.Contains));

    [Benchmark]
    [BenchmarkCategory("ToString")]
    public string ScopeSet_ToString() => set.ToString();

    /// <summary>What an application writes without a generated type: split, check each entry is defined, collect.</summary>
    private static HashSet<string> NaiveParse(string text)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Defined.Contains(scope))
            {
                throw new FormatException($"'{scope}' is not a defined scope.");
            }

            result.Add(scope);
        }

        return result;
    }
}
