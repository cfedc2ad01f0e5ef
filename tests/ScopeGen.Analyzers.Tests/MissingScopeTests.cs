using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

public class MissingScopeTests
{
    public static TheoryData<string> LibraryCaseNames => new(EndpointCorpus.LibraryCases.Select(c => c.Name));

    public static TheoryData<string> ProgramCaseNames => new(EndpointCorpus.ProgramCases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(LibraryCaseNames))]
    public async Task Library_endpoint_shape(string name)
    {
        var source = EndpointCorpus.LibraryCases.Single(c => c.Name == name).Source;
        await AnalyzerHarness.VerifyAsync(new[] { source }, new[] { "SCOPE001" });
    }

    [Theory]
    [MemberData(nameof(ProgramCaseNames))]
    public async Task Application_endpoint_shape(string name)
    {
        var source = EndpointCorpus.ProgramCases.Single(c => c.Name == name).Source;
        await AnalyzerHarness.VerifyAsync(new[] { source }, new[] { "SCOPE001" }, outputKind: OutputKind.ConsoleApplication);
    }

    [Fact]
    public void Corpus_has_at_least_forty_shapes()
    {
        Assert.True(EndpointCorpus.LibraryCases.Count + EndpointCorpus.ProgramCases.Count >= 40);
        Assert.Equal(EndpointCorpus.LibraryCases.Count, EndpointCorpus.LibraryCases.Select(c => c.Name).Distinct().Count());
    }
}
