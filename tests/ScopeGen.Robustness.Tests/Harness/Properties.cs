using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ScopeGen.Robustness.Tests.Harness;

/// <summary>
/// Runs an FsCheck property from a plain xunit fact (FsCheck.Xunit is not available): a fixed number
/// of cases, a seed printed always and in the failure message, and replay through
/// <c>SCOPEGEN_FSCHECK_SEED</c>.
/// </summary>
internal static class Properties
{
    public const string SeedVariable = "SCOPEGEN_FSCHECK_SEED";

    /// <summary>
    /// Checks <paramref name="property"/> on <paramref name="cases"/> values of <paramref name="gen"/>.
    /// Values carry their own description (ToString), which FsCheck prints as the counterexample.
    /// </summary>
    public static void Check<T>(string name, Gen<T> gen, int cases, Action<T> property, ITestOutputHelper output)
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } text
            ? ulong.Parse(text, CultureInfo.InvariantCulture)
            : (ulong)System.Random.Shared.NextInt64(long.MaxValue);
        output.WriteLine($"{name}: {cases} cases, seed {seed} (replay: {SeedVariable}={seed})");
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithQuietOnSuccess(true)
            .WithReplay(new Replay(new Rnd(seed), null));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            FsCheck.Check.One(config, Prop.ForAll(gen.ToArbitrary(), property));
        }
        catch (Exception exception)
        {
            throw new XunitException($"{name} failed; replay with {SeedVariable}={seed}\n{exception.Message}");
        }

        output.WriteLine($"{name}: passed in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
