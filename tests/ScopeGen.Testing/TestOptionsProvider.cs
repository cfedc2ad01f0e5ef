using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScopeGen.Testing;

/// <summary>Global analyzer config options (MSBuild properties such as <c>build_property.RootNamespace</c>).</summary>
public sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly TestOptions global;

    public TestOptionsProvider(IReadOnlyDictionary<string, string> properties) => global = new TestOptions(properties);

    public override AnalyzerConfigOptions GlobalOptions => global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TestOptions.Empty;

    /// <summary>Options from MSBuild property names, e.g. <c>RootNamespace</c> → <c>build_property.RootNamespace</c>.</summary>
    public static TestOptionsProvider FromProperties(IReadOnlyDictionary<string, string>? properties)
    {
        var values = new Dictionary<string, string>();
        foreach (var pair in properties ?? new Dictionary<string, string>())
        {
            values["build_property." + pair.Key] = pair.Value;
        }

        return new TestOptionsProvider(values);
    }

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(ImmutableDictionary<string, string>.Empty);

        private readonly IReadOnlyDictionary<string, string> values;

        public TestOptions(IReadOnlyDictionary<string, string> values) => this.values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
