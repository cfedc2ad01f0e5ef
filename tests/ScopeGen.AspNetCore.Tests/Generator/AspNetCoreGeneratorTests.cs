using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScopeGen.Testing;

namespace ScopeGen.AspNetCore.Tests.Generator;

/// <summary>The generator's ASP.NET Core output, in memory: content, accessibility, when it appears, and that it compiles clean.</summary>
public sealed class AspNetCoreGeneratorTests
{
    private const string Manifest = """
        version: 1
        namespace: Acme.Api
        resources:
          report:
            actions:
              read: Read a report.
              create: Create a report.
        presets:
          readOnly:
            scopes: ["*:read"]
        """;

    private const string Usage = """
        using Acme.Api;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        namespace Consumer
        {
            [RequireScope(Scopes.Report.Read)]
            public class ReportsController : ControllerBase
            {
                [RequireScope(Scopes.Report.Create, Scopes.Report.Read)]
                public string Create() => "ok";

                [Authorize(Policy = Scopes.Report.Read)]
                public string Read() => "ok";
            }

            public static class Setup
            {
                public static void Configure(WebApplicationBuilder builder)
                {
                    builder.Services.AddScopeAuthorization(options => options.ClaimTypes.Add("permissions"));
                    var app = builder.Build();
                    var group = app.MapGroup("/reports").RequireScope(Scopes.Report.Read);
                    group.MapPost("/", () => "ok").RequireScope(Scopes.Report.Create);
                    app.MapControllers().RequireScope(Scopes.Report.Read);
                    app.MapGet("/", [RequireScope(Scopes.Report.Read)] () => "ok").RequireAuthorization("readOnly");
                }
            }
        }
        """;

    private static readonly string[] AspNetCoreHintNames = { "ScopeGen-AspNetCore.g.cs", "RequireScopeAttribute-Acme.Api.g.cs" };

    [Fact]
    public void The_ASP_NET_Core_output_matches_the_snapshot()
    {
        var run = GeneratorRunner.Run(Manifest);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Snapshot.Match(run.GeneratedSources["ScopeGen-AspNetCore.g.cs"], "Support");
        Snapshot.Match(run.GeneratedSources["RequireScopeAttribute-Acme.Api.g.cs"], "Attribute");
    }

    [Theory]
    [InlineData(NullableContextOptions.Enable)]
    [InlineData(NullableContextOptions.Disable)]
    [InlineData(NullableContextOptions.Warnings)]
    [InlineData(NullableContextOptions.Annotations)]
    public void The_generated_code_and_its_use_compile_without_warnings(NullableContextOptions nullable)
    {
        var compilation = TestCompilation.Create(new[] { Usage }, nullable: nullable);
        var run = GeneratorRunner.Run(compilation, new[] { new InMemoryAdditionalText("/p/api.scopes.yaml", Manifest) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.All(AspNetCoreHintNames, name => Assert.Contains(name, run.GeneratedSources.Keys));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.Latest)]
    public void It_compiles_from_CSharp_8(LanguageVersion version)
    {
        var run = GeneratorRunner.Run(Manifest, languageVersion: version);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Contains("ScopeGen-AspNetCore.g.cs", run.GeneratedSources.Keys);
    }

    [Fact]
    public void Before_CSharp_8_only_the_constants_are_generated()
    {
        var run = GeneratorRunner.Run(Manifest, languageVersion: LanguageVersion.CSharp7_3);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(new[] { "api.scopes.g.cs" }, run.GeneratedSources.Keys);
    }

    [Fact]
    public void Without_ASP_NET_Core_only_the_constants_are_generated()
    {
        var run = GeneratorRunner.Run(Manifest, references: TestCompilation.NetCoreReferences);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(new[] { "api.scopes.g.cs" }, run.GeneratedSources.Keys);
        Assert.DoesNotContain(run.GeneratedSources.Values, source => source.Contains("AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void With_only_the_authorization_assembly_nothing_that_would_not_compile_is_generated()
    {
        // AuthorizationOptions is there, but not routing, HttpContext or the policy services.
        var references = TestCompilation.NetCoreReferences
            .Concat(TestCompilation.AspNetCoreReferences.Where(reference => System.IO.Path.GetFileName(reference.Display) == "Microsoft.AspNetCore.Authorization.dll"));
        var run = GeneratorRunner.Run(Manifest, references: references);

        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(new[] { "api.scopes.g.cs" }, run.GeneratedSources.Keys);
    }

    [Fact]
    public void Types_are_internal_by_default()
    {
        var run = GeneratorRunner.Run(Manifest);
        var types = GeneratedTypes(run);

        Assert.All(RuntimeTypeNames, name => Assert.Equal(Accessibility.Internal, types[name]));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    public void ScopeGenPublicApi_makes_them_public(string value)
    {
        var run = GeneratorRunner.Run(Manifest, properties: new Dictionary<string, string> { ["ScopeGenPublicApi"] = value });
        var types = GeneratedTypes(run);

        Assert.Empty(run.CompilationDiagnostics);
        Assert.All(RuntimeTypeNames, name => Assert.Equal(Accessibility.Public, types[name]));
    }

    [Fact]
    public void One_attribute_per_namespace_and_policies_from_every_scope_class()
    {
        var compilation = TestCompilation.Create(new[] { "namespace Placeholder { internal static class Empty { } }" });
        var run = GeneratorRunner.Run(compilation, new[]
        {
            new InMemoryAdditionalText("/p/a.scopes.yaml", "namespace: Shared.Api\nresources:\n  report:\n    actions:\n      read: r\n"),
            new InMemoryAdditionalText("/p/b.scopes.yaml", "namespace: Shared.Api\nclassName: AdminScopes\nresources:\n  user:\n    actions:\n      delete: d\n"),
            new InMemoryAdditionalText("/p/c.scopes.yaml", "namespace: Other.Api\nresources:\n  tag:\n    actions:\n      list: l\n"),
        });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(
            new[] { "RequireScopeAttribute-Other.Api.g.cs", "RequireScopeAttribute-Shared.Api.g.cs" },
            run.GeneratedSources.Keys.Where(name => name.StartsWith("RequireScopeAttribute-", StringComparison.Ordinal)).OrderBy(name => name, StringComparer.Ordinal));
        var support = run.GeneratedSources["ScopeGen-AspNetCore.g.cs"];
        Assert.Contains("global::Shared.Api.Scopes.All", support, StringComparison.Ordinal);
        Assert.Contains("global::Shared.Api.AdminScopes.All", support, StringComparison.Ordinal);
        Assert.Contains("global::Other.Api.Scopes.All", support, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_in_the_global_namespace_gets_a_global_attribute()
    {
        var run = GeneratorRunner.Run("resources:\n  report:\n    actions:\n      read: r\n");

        Assert.Empty(run.CompilationDiagnostics);
        Assert.Contains("RequireScopeAttribute-global.g.cs", run.GeneratedSources.Keys);
        Assert.NotNull(run.Output.GetTypeByMetadataName("RequireScopeAttribute"));
    }

    [Fact]
    public void Without_a_manifest_nothing_is_generated()
    {
        var compilation = TestCompilation.Create(new[] { "namespace Placeholder { internal static class Empty { } }" });
        var run = GeneratorRunner.Run(compilation, Array.Empty<AdditionalText>());
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void Editing_a_description_does_not_regenerate_the_ASP_NET_Core_files()
    {
        var compilation = TestCompilation.Create(new[] { "namespace Placeholder { internal static class Empty { } }" });
        var original = new InMemoryAdditionalText("/p/api.scopes.yaml", Manifest);
        var first = GeneratorRunner.Run(compilation, new[] { original });
        var edited = new InMemoryAdditionalText("/p/api.scopes.yaml", Manifest.Replace("Read a report.", "Read one report.", StringComparison.Ordinal));
        var second = first.Driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results[0];

        Assert.Contains("Read one report.", second.GeneratedSources.Single(source => source.HintName == "api.scopes.g.cs").SourceText.ToString(), StringComparison.Ordinal);
        var step = Assert.Single(second.TrackedSteps["AspNetCore"]);
        Assert.All(step.Outputs, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void Each_runtime_file_is_emitted_as_written_with_only_accessibility_namespace_and_version_filled_in(string publicApi)
    {
        var run = GeneratorRunner.Run(Manifest, properties: new Dictionary<string, string> { ["ScopeGenPublicApi"] = publicApi });
        var access = publicApi == "true" ? "public" : "internal";
        var folder = Path.Combine(RepoRoot(), "generator", "ScopeGen.Generator", "Runtime", "AspNetCore");
        var files = Directory.GetFiles(folder, "*.cs");

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var emitted = name == "RequireScopeAttribute"
                ? run.GeneratedSources["RequireScopeAttribute-Acme.Api.g.cs"].Replace("namespace Acme.Api\n", "namespace ScopeGen.AspNetCore\n", StringComparison.Ordinal)
                : run.GeneratedSources["ScopeGen-AspNetCore." + name + ".g.cs"];
            var expected = Body(File.ReadAllText(file).ReplaceLineEndings("\n"))
                .Replace("\n    public ", "\n    " + access + " ", StringComparison.Ordinal);
            Assert.Equal(Normalize(expected), Normalize(Body(emitted)));
        }

        // The source file's own public members stay public (only top-level types change).
        Assert.Contains("        public bool IsSatisfiedBy(", run.GeneratedSources["ScopeGen-AspNetCore.ScopeRequirement.g.cs"], StringComparison.Ordinal);
    }

    /// <summary>The text after the leading comment, directive and blank lines.</summary>
    private static string Body(string source) =>
        string.Join("\n", source.Split('\n').SkipWhile(line => line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith('#') || line.Trim().Length == 0)).TrimEnd('\n');

    private static string Normalize(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, "GeneratedCode\\(\"ScopeGen\", \"[^\"]+\"\\)", "GeneratedCode(\"ScopeGen\", \"version\")");

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ScopeGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ScopeGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static readonly string[] RuntimeTypeNames =
    {
        "Acme.Api.RequireScopeAttribute",
        "ScopeGen.AspNetCore.ScopeRequirement",
        "ScopeGen.AspNetCore.ScopePolicyName",
        "ScopeGen.AspNetCore.ScopeAuthorizeData",
        "ScopeGen.AspNetCore.ScopeAuthorizationOptions",
        "ScopeGen.AspNetCore.ScopeAuthorizationHandler",
        "ScopeGen.AspNetCore.ScopeAuthorizationPolicyProvider",
        "ScopeGen.AspNetCore.ScopeNamedPolicies",
        "ScopeGen.AspNetCore.ScopePolicyClashValidator",
        "ScopeGen.AspNetCore.InsufficientScopeResultHandler",
        "Microsoft.AspNetCore.Builder.ScopeGenEndpointConventionBuilderExtensions",
        "Microsoft.Extensions.DependencyInjection.ScopeGenServiceCollectionExtensions",
    };

    private static Dictionary<string, Accessibility> GeneratedTypes(GeneratorRun run) =>
        RuntimeTypeNames.ToDictionary(name => name, name => run.Output.Assembly.GetTypeByMetadataName(name)?.DeclaredAccessibility ?? Accessibility.NotApplicable);
}
