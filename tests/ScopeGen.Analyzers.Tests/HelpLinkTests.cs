using System.IO;

namespace ScopeGen.Analyzers.Tests;

/// <summary>Each rule's help link (the IDE's link on the diagnostic id) opens its row in docs/analyzers.md.</summary>
public class HelpLinkTests
{
    private const string Prefix = "https://github.com/scopegen/scopegen/blob/main/docs/analyzers.md#";

    [Fact]
    public void Every_rule_links_to_its_own_anchor_in_docs_analyzers_md()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "analyzers.md"));
        var rules = new ScopeAnalyzer().SupportedDiagnostics;
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var anchor = rule.Id.ToLowerInvariant();
            Assert.Equal(Prefix + anchor, rule.HelpLinkUri);
            Assert.Contains($"<a id=\"{anchor}\"></a>{rule.Id}", docs, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScopeGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ScopeGen.sln not found above " + AppContext.BaseDirectory);
    }
}
