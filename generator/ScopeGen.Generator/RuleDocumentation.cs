using System;
using System.Linq;
using System.Reflection;

namespace ScopeGen;

/// <summary>
/// The help links of ScopeGen's diagnostics: the rules table in docs/analyzers.md, at the rule's anchor.
/// The page's address is the assembly's <c>ScopeGenRulesDocumentation</c> metadata, derived at build time
/// from the one repository URL in Directory.Build.props (linked into the generator and the analyzers).
/// </summary>
internal static class RuleDocumentation
{
    /// <summary>The rules page, or empty when the assembly was built without the metadata.</summary>
    public static readonly string PageUrl = typeof(RuleDocumentation).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(attribute => attribute.Key == "ScopeGenRulesDocumentation")?.Value ?? "";

    /// <summary>The link that opens the row of <paramref name="ruleId"/> (anchor <c>scope001</c>), or null without a page.</summary>
    public static string? HelpLink(string ruleId) =>
        PageUrl.Length == 0 ? null : PageUrl + "#" + ruleId.ToLowerInvariant();
}
