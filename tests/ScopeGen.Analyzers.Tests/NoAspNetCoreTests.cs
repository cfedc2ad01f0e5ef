using System.Threading.Tasks;
using ScopeGen.Analyzers.Tests.Helpers;
using ScopeGen.Testing;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// A project that references neither ASP.NET Core routing nor MVC (a class library sharing the scopes with
/// a client, say) has no endpoints: the analyzers report nothing there, not even unused scopes (SCOPE008).
/// </summary>
public sealed class NoAspNetCoreTests
{
    [Fact]
    public async Task A_project_without_ASP_NET_Core_gets_no_diagnostics()
    {
        var run = await AnalyzerHarness.RunAsync(
            new[] { """
                namespace Client
                {
                    public static class Requests
                    {
                        public static string Needed() => N8n.Api.Scopes.Workflow.Create;

                        public static string Typo() => "workflow:craete";
                    }

                    public class WorkflowsController
                    {
                        public string List() => "x";
                    }
                }
                """ },
            configure: compilation => compilation.WithReferences(TestCompilation.NetCoreReferences));

        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public async Task A_project_without_ASP_NET_Core_is_not_checked_even_with_its_own_RequireScope_attribute()
    {
        // A client's own [RequireScope] documents what a call needs: it is no endpoint requirement, and its
        // argument is not checked against the manifest (the analyzers match that attribute by name).
        var run = await AnalyzerHarness.RunAsync(
            new[] { """
                namespace Client
                {
                    [System.AttributeUsage(System.AttributeTargets.Method)]
                    public sealed class RequireScopeAttribute : System.Attribute
                    {
                        public RequireScopeAttribute(string scope) => Scope = scope;

                        public string Scope { get; }
                    }

                    public static class Requests
                    {
                        [RequireScope("workflow:craete")]
                        public static string Create() => "x";
                    }
                }
                """ },
            configure: compilation => compilation.WithReferences(TestCompilation.NetCoreReferences));

        Assert.Empty(run.Diagnostics);
    }
}
