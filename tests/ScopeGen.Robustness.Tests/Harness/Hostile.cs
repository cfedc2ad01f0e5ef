using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ScopeGen.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ScopeGen.Robustness.Tests.Harness;

/// <summary>One run of the generator over one manifest, with what it cost.</summary>
/// <param name="Run">The generator run.</param>
/// <param name="Text">The manifest text as the generator saw it (null for an unreadable file).</param>
/// <param name="Elapsed">Wall-clock time of the generator run: recorded, never asserted.</param>
/// <param name="AllocatedBytes">Bytes allocated by the run on its thread (deterministic enough to bound).</param>
internal sealed record HostileOutcome(GeneratorRun Run, SourceText? Text, TimeSpan Elapsed, long AllocatedBytes)
{
    public ImmutableArray<Diagnostic> Diagnostics => Run.GeneratorDiagnostics;

    public IReadOnlyList<string> Ids => Diagnostics.Select(d => d.Id).ToList();
}

/// <summary>
/// Runs the real generator driver over hostile manifests and checks the error budget: no exception,
/// no generator-failure diagnostic, located diagnostics with valid spans, bounded allocation, and
/// whatever is generated still compiles warning-free.
/// </summary>
internal static class Hostile
{
    public const string ManifestPath = "/project/hostile.scopes.yaml";

    /// <summary>Only a hang detector: a run that is merely slow on a busy machine still passes (the parallel property tests can hold both cores for minutes).</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(180);

    /// <summary>The consumer compilation is shared, so its symbols are bound once and a run measures the manifest's cost.</summary>
    private static readonly Lazy<CSharpCompilation> Consumer = new(() =>
    {
        var compilation = TestCompilation.Create(new[] { "namespace Consumer { internal static class Placeholder { } }" }, TestCompilation.NetCoreReferences);
        // Warm up: JIT, YamlDotNet's statics and the compilation's symbol tables are not the manifest's cost.
        GeneratorRunner.Run(compilation, new[] { new InMemoryAdditionalText("/warm/up.scopes.yaml", "resources:\n  a:\n    actions:\n      b: c\n") });
        return compilation;
    });

    public static HostileOutcome Run(string yaml, ITestOutputHelper output, string? label = null) =>
        Run(new InMemoryAdditionalText(ManifestPath, yaml), output, label);

    public static HostileOutcome Run(byte[] bytes, ITestOutputHelper output, string? label = null)
    {
        // As the compiler reads an additional file: encoding detected from the BOM, UTF-8 by default.
        using var stream = new MemoryStream(bytes);
        return Run(new InMemoryAdditionalText(ManifestPath, SourceText.From(stream)), output, label);
    }

    public static HostileOutcome Run(AdditionalText manifest, ITestOutputHelper output, string? label = null)
    {
        var consumer = Consumer.Value;
        var task = Task.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var run = GeneratorRunner.Run(consumer, new[] { manifest });
            clock.Stop();
            return (run, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
        });
        if (!task.Wait(HangLimit))
        {
            throw new XunitException($"The generator did not finish within {HangLimit.TotalSeconds} s (hang detector)");
        }

        var (result, elapsed, allocated) = task.Result;
        var outcome = new HostileOutcome(result, manifest.GetText(), elapsed, allocated);
        output.WriteLine($"{label ?? "manifest"}: {elapsed.TotalMilliseconds:F1} ms, {allocated / 1024.0:N0} KiB allocated; diagnostics: {string.Join(", ", outcome.Ids.Distinct())}");
        foreach (var diagnostic in outcome.Diagnostics.Take(5))
        {
            output.WriteLine("  " + diagnostic);
        }

        return outcome;
    }

    /// <summary>
    /// The error budget of every hostile input: survived, diagnostics located in the manifest at valid
    /// spans, allocation under <paramref name="maxAllocatedBytes"/>, and the output compiles.
    /// </summary>
    public static void AssertSurvived(HostileOutcome outcome, long maxAllocatedBytes)
    {
        Assert.DoesNotContain(outcome.Diagnostics, d => d.Id is "CS8784" or "CS8785");
        foreach (var diagnostic in outcome.Diagnostics)
        {
            AssertLocatedInManifest(diagnostic, outcome.Text);
        }

        Assert.True(outcome.AllocatedBytes <= maxAllocatedBytes, $"The run allocated {outcome.AllocatedBytes:N0} bytes; the budget is {maxAllocatedBytes:N0}");
        Assert.Empty(outcome.Run.CompilationDiagnostics);
    }

    /// <summary><see cref="AssertSurvived"/>, plus a located diagnostic <paramref name="expectedId"/>.</summary>
    public static Diagnostic AssertRejected(HostileOutcome outcome, string expectedId, long maxAllocatedBytes)
    {
        AssertSurvived(outcome, maxAllocatedBytes);
        var diagnostic = outcome.Diagnostics.FirstOrDefault(d => d.Id == expectedId);
        Assert.True(diagnostic is not null, $"Expected {expectedId}; got: {string.Join(" | ", outcome.Diagnostics)}");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic!.Severity);
        return diagnostic;
    }

    /// <summary>No diagnostic at all, and the output compiles.</summary>
    public static void AssertAccepted(HostileOutcome outcome, long maxAllocatedBytes)
    {
        AssertSurvived(outcome, maxAllocatedBytes);
        Assert.True(outcome.Diagnostics.IsEmpty, "Unexpected: " + string.Join(" | ", outcome.Diagnostics));
    }

    /// <summary>
    /// The diagnostic is in the manifest file, its span lies inside the text, and its line/column agree
    /// with the offsets under the compiler's own line breaking (what an IDE shows).
    /// </summary>
    public static void AssertLocatedInManifest(Diagnostic diagnostic, SourceText? text)
    {
        var location = diagnostic.Location;
        Assert.Equal(LocationKind.ExternalFile, location.Kind);
        var lineSpan = location.GetLineSpan();
        Assert.Equal(ManifestPath, lineSpan.Path);
        if (text is null)
        {
            Assert.Equal(0, location.SourceSpan.Start);
            return;
        }

        Assert.InRange(location.SourceSpan.Start, 0, text.Length);
        Assert.InRange(location.SourceSpan.End, location.SourceSpan.Start, text.Length);
        var expected = text.Lines.GetLinePositionSpan(location.SourceSpan);
        Assert.True(expected.Start == lineSpan.StartLinePosition,
            $"{diagnostic.Id} at offset {location.SourceSpan.Start} reports line/column {lineSpan.StartLinePosition}, but the text has {expected.Start} there");
    }
}
