using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScopeGen.Robustness.Tests.Harness;
using ScopeGen.Testing;

namespace ScopeGen.Robustness.Tests;

/// <summary>
/// The generated code (every source the generator adds, ASP.NET Core helpers included) builds with
/// zero warnings (warnings are errors) for each framework, C# version, nullable and implicit-usings
/// setting, in a consumer that defines its own System, Microsoft, Task and Scopes types around it, and
/// across two projects with manifests where one references the other.
/// </summary>
public sealed class CompatibilityMatrixTests
{
    private const string Manifest = "namespace: Acme.Api\nresources:\n  workflow:\n    description: Workflows\n    actions:\n      create: Create a workflow.\n      read:\n        description: Read a workflow.\n        deprecated: Use workflow:list\n      list:\n        description: List workflows.\n        renamedFrom: workflow:view\npresets:\n  readOnly:\n    scopes: [\"*:list\"]\n";

    /// <summary>
    /// Types a consumer may well declare, named like the namespaces and types the generated code uses, in
    /// the manifest's namespace and its parent. (A type named System in the global namespace would break
    /// global::System itself, for any code: not a case generated code can survive.)
    /// </summary>
    private const string ClashingTypes = """
        namespace Acme
        {
            internal class System { }
            internal class Microsoft { }
            internal class Task { }
            internal class Scopes { }
        }

        namespace Acme.Api
        {
            internal class System { }
            internal class Microsoft { }
            internal class Task { }
            internal class ScopeGen { }
        }
        """;

    /// <summary>Uses the constants, lookups, catalog and scope set; C# 7.3 syntax only.</summary>
    private const string ConstantsProbe = """
        namespace Acme.Api.Usage
        {
            internal static class ConstantsProbe
            {
                public static int Use()
                {
                    string description;
                    global::System.Collections.Generic.IReadOnlyList<string> preset;
                    var found = global::Acme.Api.Scopes.TryGetDescription(global::Acme.Api.Scopes.Workflow.Create, out description);
                    var hasPreset = global::Acme.Api.Scopes.Presets.TryGetScopes("readOnly", out preset);
                    return global::Acme.Api.Scopes.All.Count + (found && hasPreset && global::Acme.Api.Scopes.IsDefined(description) ? 1 : 0) + preset.Count;
                }

                /// <summary>The run-time catalog and the scope set, as a key-issuing app uses them.</summary>
                public static string UseCatalogAndScopeSet(string stored)
                {
                    var picker = new global::System.Text.StringBuilder();
                    foreach (global::Acme.Api.Scopes.Catalog.ResourceInfo resource in global::Acme.Api.Scopes.Catalog.Resources)
                    {
                        picker.Append(resource.Name).Append(resource.Description);
                        foreach (global::Acme.Api.Scopes.Catalog.ScopeInfo scope in resource.Scopes)
                        {
                            picker.Append(scope.Value).Append(scope.Action).Append(scope.Description).Append(scope.IsDeprecated).Append(scope.IsReserved).Append(scope.DeprecationMessage);
                        }
                    }

                    var readOnly = global::Acme.Api.Scopes.Catalog.FindPreset("readOnly");
                    var create = global::Acme.Api.Scopes.Catalog.FindScope(global::Acme.Api.Scopes.Workflow.Create);
                    global::Acme.Api.Scopes.ScopeSet granted;
                    global::System.Collections.Generic.IReadOnlyList<global::Acme.Api.Scopes.ScopeSet.ParseError> errors;
                    if (!global::Acme.Api.Scopes.ScopeSet.TryParse(stored, global::Acme.Api.Scopes.ScopeSet.ParseOptions.ExpandPresets, out granted, out errors))
                    {
                        return errors[0].Message + errors[0].Suggestion + errors[0].Position;
                    }

                    var fromList = global::Acme.Api.Scopes.ScopeSet.Parse(new[] { global::Acme.Api.Scopes.Workflow.List });
                    var allowed = readOnly != null && create != null && granted.IsSubsetOf(readOnly.ScopeSet.Union(global::Acme.Api.Scopes.ScopeSet.Parse(create.Value)));
                    foreach (string scope in granted.Intersect(fromList).Except(global::Acme.Api.Scopes.ScopeSet.Empty))
                    {
                        picker.Append(scope);
                    }

                    return picker.Append(allowed).Append(granted.Contains(global::Acme.Api.Scopes.Workflow.Create)).Append(granted == fromList).Append(granted.Overlaps(global::Acme.Api.Scopes.ScopeSet.All)).Append(granted.IsSupersetOf(fromList)).Append(granted.Count).Append(granted)
                        .Append(global::Acme.Api.Scopes.ScopeSet.Parse("workflow:view").Contains(global::Acme.Api.Scopes.Workflow.List)).ToString();
                }
            }
        }
        """;

    /// <summary>Uses the ASP.NET Core helpers as an application would.</summary>
    private const string AspNetCoreProbe = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        namespace Acme.Api.Web
        {
            internal static class AspNetCoreProbe
            {
                public static void Configure(IServiceCollection services, WebApplication app)
                {
                    services.AddScopeAuthorization();
                    app.MapGet("/workflows", () => "ok").RequireScope(global::Acme.Api.Scopes.Workflow.List);
                }

                [global::Acme.Api.RequireScope(global::Acme.Api.Scopes.Workflow.Create)]
                public static string Create() => "created";
            }
        }
        """;

    /// <summary>What Microsoft.NET.Sdk.Web writes to obj/*.GlobalUsings.g.cs with ImplicitUsings enabled.</summary>
    internal const string WebGlobalUsings = """
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Net.Http.Json;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    /// <summary>What Microsoft.NET.Sdk writes with ImplicitUsings enabled.</summary>
    private const string LibraryGlobalUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    public static TheoryData<string, bool, bool, bool> Matrix()
    {
        var data = new TheoryData<string, bool, bool, bool>();
        foreach (var clashes in new[] { false, true })
        {
            data.Add("netstandard2.0 C# 7.3", false, false, clashes);
            foreach (var nullable in new[] { false, true })
            {
                foreach (var implicitUsings in new[] { false, true })
                {
                    data.Add("netstandard2.0 C# 12", nullable, implicitUsings, clashes);
                    data.Add("net8.0 C# 12 ASP.NET Core 8", nullable, implicitUsings, clashes);
                    data.Add("net10.0 latest ASP.NET Core", nullable, implicitUsings, clashes);
                    data.Add("net10.0 latest no ASP.NET Core", nullable, implicitUsings, clashes);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Generated_code_builds_warning_free(string target, bool nullable, bool implicitUsings, bool clashingTypes)
    {
        var (references, version, aspNetCore) = Target(target);
        var sources = new List<string> { ConstantsProbe };
        if (aspNetCore)
        {
            sources.Add(AspNetCoreProbe);
        }

        if (implicitUsings)
        {
            sources.Add(aspNetCore ? WebGlobalUsings : LibraryGlobalUsings);
        }

        if (clashingTypes)
        {
            sources.Add(ClashingTypes);
        }

        var compilation = TestCompilation.Create(sources, references, version, nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable, assemblyName: "Consumer");
        var run = GeneratorRunner.Run(compilation, new[] { new InMemoryAdditionalText("/consumer/api.scopes.yaml", Manifest) }, new Dictionary<string, string> { ["RootNamespace"] = "Consumer" });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(aspNetCore, run.GeneratedSources.Keys.Any(name => name.Contains("AspNetCore", StringComparison.Ordinal)));
        Assert.Contains("api.scopes.g.cs", run.GeneratedSources.Keys);
    }

    [Theory]
    [InlineData("netstandard2.0 C# 7.3", false)]
    [InlineData("net8.0 C# 12 ASP.NET Core 8", false)]
    [InlineData("net10.0 latest ASP.NET Core", false)]
    [InlineData("net10.0 latest no ASP.NET Core", true)]
    // ScopeGenPublicApi=true in both projects with ASP.NET Core is left out: the shared
    // ScopeGen.AspNetCore types are then public in both and B gets CS0436 (reported to the lead).
    public void Two_projects_with_manifests_where_one_references_the_other_do_not_clash(string target, bool publicApi)
    {
        var (references, version, aspNetCore) = Target(target);
        var properties = new Dictionary<string, string> { ["ScopeGenPublicApi"] = publicApi ? "true" : "false" };

        // Project A: its own manifest, same class name, another namespace.
        var a = GeneratorRunner.Run(
            TestCompilation.Create(new[] { "namespace Lib { public static class Marker { } }" }, references, version, assemblyName: "ProjectA"),
            new[] { new InMemoryAdditionalText("/a/lib.scopes.yaml", "namespace: Lib.Api\nresources:\n  workflow:\n    actions:\n      create: Create.\n") },
            properties);
        Assert.Empty(a.GeneratorDiagnostics);
        Assert.Empty(a.CompilationDiagnostics);
        var reference = a.Output.ToMetadataReference();

        // Project B references A, has its own manifest and uses both scope classes.
        var probe = """
            namespace Acme.Api.Usage
            {
                internal static class Both
                {
                    public static string[] Values() => new[] { global::Lib.Api.Scopes.Workflow.Create, global::Acme.Api.Scopes.Workflow.Create };
                }
            }
            """;
        var sources = new List<string> { probe, ConstantsProbe };
        if (aspNetCore)
        {
            sources.Add(AspNetCoreProbe);
        }

        var b = GeneratorRunner.Run(
            TestCompilation.Create(sources, references.Append(reference), version, assemblyName: "ProjectB"),
            new[] { new InMemoryAdditionalText("/b/api.scopes.yaml", Manifest) },
            properties);

        Assert.Empty(b.GeneratorDiagnostics);
        Assert.DoesNotContain(b.CompilationDiagnostics, d => d.Id is "CS0433" or "CS0436" or "CS0121" or "CS0229");
        Assert.Empty(b.CompilationDiagnostics);
    }

    private static (IReadOnlyList<MetadataReference> References, LanguageVersion Version, bool AspNetCore) Target(string target) => target switch
    {
        "netstandard2.0 C# 7.3" => (ReferencePacks.NetStandard20, LanguageVersion.CSharp7_3, false),
        "netstandard2.0 C# 12" => (ReferencePacks.NetStandard20, LanguageVersion.CSharp12, false),
        "net8.0 C# 12 ASP.NET Core 8" => (ReferencePacks.AspNetCore8, LanguageVersion.CSharp12, true),
        "net10.0 latest ASP.NET Core" => (TestCompilation.AspNetCoreReferences, LanguageVersion.Latest, true),
        "net10.0 latest no ASP.NET Core" => (TestCompilation.NetCoreReferences, LanguageVersion.Latest, false),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };
}
