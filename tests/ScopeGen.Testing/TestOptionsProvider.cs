using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScopeGen.Testing;

/// <summary>
/// Global analyzer config options (MSBuild properties such as <c>build_property.RootNamespace</c>), and
/// optionally the same .editorconfig options for every source file (e.g. <c>generated_code</c>).
/// </summary>
public sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly TestOptions global;
    private readonly TestOptions perFile;

    public TestOptionsProvider(IReadOnlyDictionary<string, string> properties, IReadOnlyDictionary<string, string>? fileOptions = null)
    {
        global = new TestOptions(properties);
        perFile = fileOptions is null ? TestOptions.Empty : new TestOptions(fileOptions);
    }

    public override AnalyzerConfigOptions GlobalOptions => global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => perFile;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TestOptions.Empty;

    /// <summary>Options from MSBuild property names, e.g. <c>RootNamespace</c> → <c>build_property.RootNamespace</c>.</summary>
    public static TestOptionsProvider FromProperties(IReadOnlyDictionary<string, string>? properties, IReadOnlyDictionary<string, string>? fileOptions = null)
    {
        var values = new Dictionary<string, string>();
        foreach (var pair in properties ?? new Dictionary<string, string>())
        {
            values["build_property." + pair.Key] = pair.Value;
        }

        return new TestOptionsProvider(values, fileOptions);
    }

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(ImmutableDictionary<string, string>.Empty);

        private readonly IReadOnlyDictionary<string, string> values;

        public TestOptions(IReadOnlyDictionary<string, string> values) => this.values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
