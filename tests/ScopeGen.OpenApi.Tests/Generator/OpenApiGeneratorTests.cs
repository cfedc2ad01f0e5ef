using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScopeGen.Testing;

namespace ScopeGen.OpenApi.Tests.Generator;

/// <summary>The generator's OpenAPI output, in memory: when it appears, what it contains, that it compiles clean.</summary>
public sealed class OpenApiGeneratorTests
{
    private const string HintName = "ScopeGen-OpenApi.g.cs";

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
        using System;
        using Acme.Api;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.OpenApi;

        namespace Consumer
        {
            public static class Setup
            {
                public static void Configure(WebApplicationBuilder builder)
                {
                    builder.Services.AddScopeAuthorization();
                    builder.Services.AddOpenApi(options => options.AddScopeRequirements(scopes => scopes.UseApiKeyHeader("X-Api-Key")));
                    builder.Services.AddOpenApi("oauth", options => options.AddScopeRequirements(scopes => scopes.UseOAuth2(new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri("https://auth.example.com/token") },
                    })));
                    builder.Services.AddOpenApi("bearer", options => options.AddScopeRequirements(scopes =>
                    {
                        scopes.UseBearer();
                        scopes.ForbiddenDescription = "Missing scope.";
                    }));
                    builder.Services.AddOpenApi("plain", options => options.AddScopeRequirements());
                    var app = builder.Build();
                    app.MapGet("/", () => "ok").RequireScope(Scopes.Report.Read);
                    app.MapOpenApi();
                }
            }
        }
        """;

    /// <summary>The shared framework without the OpenAPI package (which this test process does load).</summary>
    private static IReadOnlyList<MetadataReference> WithoutOpenApiPackage { get; } = TestCompilation.AspNetCoreReferences
        .Where(reference => Path.GetFileName(reference.Display) is not ("Microsoft.AspNetCore.OpenApi.dll" or "Microsoft.OpenApi.dll"))
        .ToArray();

    [Fact]
    public void The_references_of_this_process_hold_the_OpenApi_package()
    {
        // Guards the tests below: "with" must really have it, "without" must really lack it.
        Assert.Contains(TestCompilation.AspNetCoreReferences, reference => Path.GetFileName(reference.Display) == "Microsoft.AspNetCore.OpenApi.dll");
        Assert.Contains(TestCompilation.AspNetCoreReferences, reference => Path.GetFileName(reference.Display) == "Microsoft.OpenApi.dll");
        Assert.DoesNotContain(WithoutOpenApiPackage, reference => Path.GetFileName(reference.Display)!.Contains("OpenApi", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_OpenAPI_output_matches_the_snapshot()
    {
        var run = GeneratorRunner.Run(Manifest);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Snapshot.Match(run.GeneratedSources[HintName], "OpenApi");
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
        Assert.Contains(HintName, run.GeneratedSources.Keys);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.Latest)]
    public void It_compiles_from_CSharp_8(LanguageVersion version)
    {
        var run = GeneratorRunner.Run(Manifest, languageVersion: version);

        Assert.Empty(run.CompilationDiagnostics);
        Assert.Contains(HintName, run.GeneratedSources.Keys);
    }

    [Fact]
    public void An_app_without_Microsoft_AspNetCore_OpenApi_compiles_and_gets_no_OpenAPI_code()
    {
        const string app = """
            using Acme.Api;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Setup
            {
                public static void Configure(WebApplicationBuilder builder)
                {
                    builder.Services.AddScopeAuthorization();
                    var app = builder.Build();
                    app.MapGet("/", () => "ok").RequireScope(Scopes.Report.Read);
                }
            }
            """;
        var compilation = TestCompilation.Create(new[] { app }, WithoutOpenApiPackage);
        var run = GeneratorRunner.Run(compilation, new[] { new InMemoryAdditionalText("/p/api.scopes.yaml", Manifest) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(
            new[] { "RequireScopeAttribute-Acme.Api.g.cs", "ScopeGen-AspNetCore-Discovery.g.cs", "ScopeGen-AspNetCore.g.cs", "api.scopes.g.cs" },
            run.GeneratedSources.Keys.Where(name => !name.StartsWith("ScopeGen-AspNetCore.", StringComparison.Ordinal) || name == "ScopeGen-AspNetCore.g.cs").OrderBy(name => name, StringComparer.Ordinal));
        Assert.Contains("ScopeGen-AspNetCore.ScopeRequirement.g.cs", run.GeneratedSources.Keys);
        Assert.DoesNotContain(run.GeneratedSources.Values, source => source.Contains("OpenApi", StringComparison.Ordinal));
    }

    [Fact]
    public void Microsoft_OpenApi_alone_is_not_enough()
    {
        var references = WithoutOpenApiPackage.Concat(TestCompilation.AspNetCoreReferences.Where(reference => Path.GetFileName(reference.Display) == "Microsoft.OpenApi.dll"));
        var run = GeneratorRunner.Run(Manifest, references: references);

        Assert.Empty(run.CompilationDiagnostics);
        Assert.DoesNotContain(HintName, run.GeneratedSources.Keys);
    }

    [Fact]
    public void Without_ASP_NET_Core_only_the_constants_are_generated_even_with_the_OpenApi_assemblies()
    {
        // The OpenAPI output builds on ScopeRequirement: no ASP.NET Core helpers, no OpenAPI code.
        var references = TestCompilation.NetCoreReferences
            .Concat(TestCompilation.AspNetCoreReferences.Where(reference => Path.GetFileName(reference.Display) is "Microsoft.AspNetCore.OpenApi.dll" or "Microsoft.OpenApi.dll"));
        var run = GeneratorRunner.Run(Manifest, references: references);

        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(new[] { "api.scopes.g.cs" }, run.GeneratedSources.Keys);
    }

    [Fact]
    public void Before_CSharp_8_no_OpenAPI_code_is_generated()
    {
        var run = GeneratorRunner.Run(Manifest, languageVersion: LanguageVersion.CSharp7_3);

        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(new[] { "api.scopes.g.cs" }, run.GeneratedSources.Keys);
    }

    [Fact]
    public void Without_a_manifest_nothing_is_generated()
    {
        var compilation = TestCompilation.Create(new[] { "namespace Placeholder { internal static class Empty { } }" });
        var run = GeneratorRunner.Run(compilation, Array.Empty<AdditionalText>());

        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void Types_are_internal_by_default_and_public_with_ScopeGenPublicApi()
    {
        var internalRun = GeneratorRunner.Run(Manifest);
        var publicRun = GeneratorRunner.Run(Manifest, properties: new Dictionary<string, string> { ["ScopeGenPublicApi"] = "true" });

        Assert.Empty(publicRun.CompilationDiagnostics);
        foreach (var name in new[] { "ScopeGen.AspNetCore.ScopeOpenApiOptions", "ScopeGen.AspNetCore.ScopeOpenApiTransformer", "ScopeGen.AspNetCore.ScopeEndpointRequirements", "Microsoft.Extensions.DependencyInjection.ScopeGenOpenApiOptionsExtensions" })
        {
            Assert.Equal(Accessibility.Internal, internalRun.Output.Assembly.GetTypeByMetadataName(name)?.DeclaredAccessibility);
            Assert.Equal(Accessibility.Public, publicRun.Output.Assembly.GetTypeByMetadataName(name)?.DeclaredAccessibility);
        }
    }

    [Fact]
    public void Every_scope_class_feeds_the_document_scopes()
    {
        var compilation = TestCompilation.Create(new[] { "namespace Placeholder { internal static class Empty { } }" });
        var run = GeneratorRunner.Run(compilation, new[]
        {
            new InMemoryAdditionalText("/p/a.scopes.yaml", "namespace: Shared.Api\nresources:\n  report:\n    actions:\n      read: r\n"),
            new InMemoryAdditionalText("/p/b.scopes.yaml", "namespace: Other.Api\nclassName: AdminScopes\nresources:\n  user:\n    actions:\n      delete: d\n"),
        });

        Assert.Empty(run.CompilationDiagnostics);
        var source = run.GeneratedSources[HintName];
        Assert.Contains("foreach (var scope in global::Shared.Api.Scopes.All)", source, StringComparison.Ordinal);
        Assert.Contains("foreach (var scope in global::Other.Api.AdminScopes.All)", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_description_does_not_regenerate_the_OpenAPI_file()
    {
        var compilation = TestCompilation.Create(new[] { "namespace Placeholder { internal static class Empty { } }" });
        var original = new InMemoryAdditionalText("/p/api.scopes.yaml", Manifest);
        var first = GeneratorRunner.Run(compilation, new[] { original });
        var edited = new InMemoryAdditionalText("/p/api.scopes.yaml", Manifest.Replace("Read a report.", "Read one report.", StringComparison.Ordinal));
        var second = first.Driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results[0];

        Assert.Contains("Read one report.", second.GeneratedSources.Single(source => source.HintName == "api.scopes.g.cs").SourceText.ToString(), StringComparison.Ordinal);
        var step = Assert.Single(second.TrackedSteps["OpenApi"]);
        Assert.All(step.Outputs, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }
}
