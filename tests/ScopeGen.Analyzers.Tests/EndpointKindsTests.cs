using System.Threading.Tasks;
using ScopeGen.Analyzers.Tests.Helpers;

namespace ScopeGen.Analyzers.Tests;

public class EndpointKindsTests
{
    private static readonly Dictionary<string, string> PagesOn = new() { ["ScopeGenCheckRazorPages"] = "true" };

    public static TheoryData<string> CaseNames => new(EndpointKindsCorpus.Cases.Select(c => c.Name));

    public static TheoryData<string> PageCaseNames => new(EndpointKindsCorpus.PageCases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Hub_grpc_and_FastEndpoints_shape(string name)
    {
        var sources = EndpointKindsCorpus.Cases.Single(c => c.Name == name).Sources;
        await AnalyzerHarness.VerifyAsync(sources, new[] { "SCOPE001" });
    }

    [Theory]
    [MemberData(nameof(PageCaseNames))]
    public async Task Razor_Pages_shape_when_opted_in(string name)
    {
        var source = EndpointKindsCorpus.PageCases.Single(c => c.Name == name).Source;
        await AnalyzerHarness.VerifyAsync(new[] { source }, new[] { "SCOPE001" }, properties: PagesOn);
    }

    [Fact]
    public async Task Razor_Pages_are_not_checked_without_the_switch()
    {
        var source = Markup.Parse(EndpointKindsCorpus.PageCases[0].Source, 0).Source;
        var off = await AnalyzerHarness.RunAsync(new[] { source });
        var disabled = await AnalyzerHarness.RunAsync(new[] { source }, properties: new Dictionary<string, string> { ["ScopeGenCheckRazorPages"] = "false" });
        var on = await AnalyzerHarness.RunAsync(new[] { source }, properties: PagesOn);

        Assert.DoesNotContain(off.Diagnostics, d => d.Id == "SCOPE001");
        Assert.DoesNotContain(disabled.Diagnostics, d => d.Id == "SCOPE001");
        Assert.Equal(3, on.Diagnostics.Count(d => d.Id == "SCOPE001"));
    }

    [Fact]
    public async Task Hub_and_grpc_findings_name_the_method_and_offer_the_method_fix()
    {
        var run = await AnalyzerHarness.RunAsync(new[] { Markup.Parse(EndpointKindsCorpus.Cases[0].Sources[0], 0).Source });
        var finding = Assert.Single(run.Diagnostics, d => d.Id == "SCOPE001" && d.GetMessage().Contains("ChatHub.Send"));
        Assert.Equal("Method", finding.Properties[ScopeInference.FixTargetProperty]);
    }
}

public class EndpointKindsCodeFixTests
{
    [Fact]
    public async Task Hub_method_fix_adds_RequireScope_and_clears_the_finding()
    {
        var document = CodeFixHarness.CreateDocument("""
            using Microsoft.AspNetCore.SignalR;

            public class WorkflowsHub : Hub
            {
                public string Activate(string id) => id;
            }
            """);
        var diagnostic = Assert.Single(await CodeFixHarness.DiagnosticsAsync(document, new ScopeAnalyzer(), "SCOPE001"));
        var actions = await CodeFixHarness.ActionsAsync(document, new ScopeGen.Analyzers.CodeFixes.AddScopeRequirementCodeFixProvider(), diagnostic);
        var fixedSource = await CodeFixHarness.ApplyAsync(document, actions.First(a => a.Title.StartsWith("Add [RequireScope(Scopes.Workflow.", StringComparison.Ordinal)));

        Assert.Contains("    [RequireScope(Scopes.Workflow.", fixedSource.Replace("\r\n", "\n"));
        Assert.Contains("using N8n.Api;", fixedSource);
        var fixedDocument = document.Project.Solution.WithDocumentText(document.Id, Microsoft.CodeAnalysis.Text.SourceText.From(fixedSource)).GetDocument(document.Id)!;
        Assert.Empty(await CodeFixHarness.DiagnosticsAsync(fixedDocument, new ScopeAnalyzer(), "SCOPE001"));
    }
}
