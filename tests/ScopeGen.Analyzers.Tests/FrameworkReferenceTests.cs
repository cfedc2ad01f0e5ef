using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScopeGen.Analyzers.Tests.Helpers;
using ScopeGen.Testing;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// Which endpoint kinds are checked follows from what a project references: each framework is checked when its
/// own types are there, whether or not the others are (minimal APIs without MVC, SignalR without gRPC or
/// FastEndpoints, ...), and ASP.NET Core's types count where they are declared (in source, too).
/// </summary>
public sealed class FrameworkReferenceTests
{
    /// <summary>The test process's references without the assemblies whose file names start with one of <paramref name="prefixes"/>.</summary>
    private static Func<CSharpCompilation, CSharpCompilation> Without(params string[] prefixes) =>
        compilation => compilation.WithReferences(TestCompilation.AspNetCoreReferences
            .Where(reference => !prefixes.Any(prefix => Path.GetFileName(reference.Display ?? string.Empty).StartsWith(prefix, StringComparison.OrdinalIgnoreCase))));

    [Fact]
    public async Task Minimal_APIs_are_checked_in_a_project_without_MVC()
    {
        // [AllowAnonymous] on the handler covers it: the authorization types are looked up without MVC too.
        await AnalyzerHarness.VerifyAsync(
            new[] { """
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Routing;
                using N8n.Api;

                public static class Api
                {
                    public static void Configure(IEndpointRouteBuilder app)
                    {
                        app.{|SCOPE001:MapGet|}("/workflows", () => "x");
                        app.MapGet("/workflows/{id}", (string id) => id).RequireScope(Scopes.Workflow.Read);
                        app.MapGet("/health", [AllowAnonymous] () => "ok");
                    }
                }
                """ },
            new[] { "SCOPE001" },
            configure: Without("Microsoft.AspNetCore.Mvc"));
    }

    [Fact]
    public async Task Controllers_are_checked_with_MVC_attributes_declared_in_source_and_no_ASP_NET_Core_reference()
    {
        // No ASP.NET Core assembly to ask: the types are found in the compilation, and [NonAction] is honoured.
        await AnalyzerHarness.VerifyAsync(
            new[] { """
                namespace Microsoft.AspNetCore.Mvc
                {
                    [System.AttributeUsage(System.AttributeTargets.Class)]
                    public class ControllerAttribute : System.Attribute
                    {
                    }

                    [System.AttributeUsage(System.AttributeTargets.Method)]
                    public sealed class NonActionAttribute : System.Attribute
                    {
                    }
                }

                namespace Demo
                {
                    using Microsoft.AspNetCore.Mvc;

                    public class WorkflowsController
                    {
                        public string {|SCOPE001:List|}() => "x";

                        [NonAction]
                        public string Helper() => "x";
                    }

                    // No [NonController] declared: [Controller] makes a controller of a class without the suffix.
                    [Controller]
                    public class Tags
                    {
                        public string {|SCOPE001:List|}() => "x";
                    }
                }
                """ },
            new[] { "SCOPE001" },
            configure: compilation => compilation.WithReferences(TestCompilation.NetCoreReferences));
    }

    [Fact]
    public async Task ASP_NET_Core_types_declared_in_another_ASP_NET_Core_assembly_than_their_own_are_found()
    {
        // A type is asked of its home assembly (Microsoft.AspNetCore.Mvc.Core for [Controller]) first; when that is
        // not referenced, the other ASP.NET Core assemblies are searched (another version, a forwarded type).
        var shim = MetadataLibrary.Compile("""
            namespace Microsoft.AspNetCore.Mvc
            {
                [System.AttributeUsage(System.AttributeTargets.Class)]
                public class ControllerAttribute : System.Attribute
                {
                }
            }
            """, "Microsoft.AspNetCore.Shim", TestCompilation.NetCoreReferences);
        await AnalyzerHarness.VerifyAsync(
            new[] { """
                namespace Demo
                {
                    public class WorkflowsController
                    {
                        public string {|SCOPE001:List|}() => "x";
                    }
                }
                """ },
            new[] { "SCOPE001" },
            configure: compilation => compilation.WithReferences(TestCompilation.NetCoreReferences.Append(shim)));
    }

    [Fact]
    public async Task Hubs_are_checked_in_a_project_without_gRPC_or_FastEndpoints()
    {
        // The usual ASP.NET Core application: SignalR comes with the shared framework, the others are packages.
        await AnalyzerHarness.VerifyAsync(
            new[] { """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.SignalR;
                using N8n.Api;

                public class ChatHub : Hub
                {
                    public string {|SCOPE001:Echo|}(string message) => message;

                    [RequireScope(Scopes.Workflow.Read)]
                    public string Read(string id) => id;
                }
                """ },
            new[] { "SCOPE001" },
            configure: Without("Grpc.", "FastEndpoints"));
    }

    [Fact]
    public async Task gRPC_services_are_checked_in_a_project_without_SignalR_or_FastEndpoints()
    {
        await AnalyzerHarness.VerifyAsync(
            new[]
            {
                """
                using System.Threading.Tasks;
                using Demo.Grpc;
                using Grpc.Core;
                using N8n.Api;

                public sealed class WorkflowService : Workflows.WorkflowsBase
                {
                    public override Task<WorkflowReply> {|SCOPE001:List|}(WorkflowRequest request, ServerCallContext context) => Task.FromResult(new WorkflowReply());

                    [RequireScope(Scopes.Workflow.Delete)]
                    public override Task<WorkflowReply> Delete(WorkflowRequest request, ServerCallContext context) => Task.FromResult(new WorkflowReply());
                }
                """,
                EndpointKindsCorpus.GeneratedGrpcService,
            },
            new[] { "SCOPE001" },
            configure: Without("Microsoft.AspNetCore.SignalR", "FastEndpoints"));
    }
}
