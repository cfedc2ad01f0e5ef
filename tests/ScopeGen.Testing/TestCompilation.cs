using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ScopeGen.Testing;

/// <summary>Builds in-memory C# compilations against this process's framework (including ASP.NET Core).</summary>
public static class TestCompilation
{
    private static readonly Lazy<MetadataReference[]> AllReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(path => !Path.GetFileName(path).StartsWith("ScopeGen.", StringComparison.OrdinalIgnoreCase))
            .Where(path => !Path.GetFileName(path).StartsWith("xunit", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    /// <summary>The .NET and ASP.NET Core shared framework assemblies of the test process.</summary>
    public static IReadOnlyList<MetadataReference> AspNetCoreReferences => AllReferences.Value;

    /// <summary>The .NET shared framework only: a compilation without ASP.NET Core.</summary>
    public static IReadOnlyList<MetadataReference> NetCoreReferences { get; } = AllReferences.Value
        .Where(reference => !Path.GetFileName(reference.Display ?? string.Empty).StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase))
        .ToArray();

    /// <summary>Parse options for a C# version; <c>Latest</c> by default.</summary>
    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) => new(version);

    /// <summary>A library compilation of <paramref name="sources"/>.</summary>
    public static CSharpCompilation Create(
        IEnumerable<string> sources,
        IEnumerable<MetadataReference>? references = null,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        string assemblyName = "TestAssembly")
    {
        var parseOptions = ParseOptions(languageVersion);
        var trees = sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Source{index}.cs"));
        return CSharpCompilation.Create(
            assemblyName,
            trees,
            references ?? AspNetCoreReferences,
            new CSharpCompilationOptions(
                outputKind,
                nullableContextOptions: languageVersion >= LanguageVersion.CSharp8 ? nullable : NullableContextOptions.Disable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    // Version conflicts between the test process's framework assemblies are not what we test.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
    }
}
