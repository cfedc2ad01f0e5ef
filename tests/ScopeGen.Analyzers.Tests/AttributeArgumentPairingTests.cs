using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ScopeGen.Analyzers.Tests.Helpers;
using ScopeGen.Testing;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// How an attribute's scope and policy values are paired with the syntax that wrote them, without binding the
/// attribute again (<see cref="ScopeArguments.TryPairWithAttributeData"/>): each value at its own argument, or a
/// refusal (the caller then binds). A refusal costs only time; a wrong pairing would check one argument's value
/// at another's location, so the fast path is pinned form by form.
/// </summary>
public class AttributeArgumentPairingTests
{
    private static readonly IReadOnlyDictionary<string, (AttributeData Data, AttributeArgumentListSyntax Arguments)> Attributes = Load();

    [Theory]
    [InlineData("Two", "Scope", "Scopes.Workflow.Read=workflow:read", "\"workflow:list\"=workflow:list!")]
    [InlineData("ByName", "Scope", "Scopes.Workflow.Read=workflow:read")]
    [InlineData("WithRoles", "Scope", "Scopes.Workflow.Delete=workflow:delete")]
    [InlineData("Parenthesized", "Scope", "(\"workflow:list\")=workflow:list!")]
    [InlineData("Policy", "Policy", "\"readOnly\"=readOnly!")]
    [InlineData("PolicyByName", "Policy", "\"readOnly\"=readOnly!")]
    [InlineData("PolicyProperty", "Policy", "Scopes.Tag.List=tag:list")]
    [InlineData("NoPolicy", "Policy")]
    public void Pairs_each_value_with_its_own_argument(string method, string kind, params string[] expected)
    {
        var (data, arguments) = Attributes[method];
        List<ScopeArgument>? results = null;

        Assert.True(ScopeArguments.TryPairWithAttributeData(data, kind == "Scope", arguments, ref results));

        var actual = (results ?? new List<ScopeArgument>()).Select(r => $"{r.Syntax}={r.Value}{(r.IsLiteral ? "!" : string.Empty)}").ToArray();
        Assert.Equal(expected, actual);
        Assert.All(results ?? new List<ScopeArgument>(), r => Assert.Equal(kind, r.Kind.ToString()));
    }

    [Theory]
    [InlineData("ExplicitArray")]
    [InlineData("ImplicitArray")]
    [InlineData("CollectionExpression")]
    [InlineData("ArrayByName")]
    [InlineData("NullArray")]
    [InlineData("LookalikeWithOneString")]
    [InlineData("LookalikeWithNoArray")]
    public void Refuses_what_does_not_map_one_to_one(string method)
    {
        var (data, arguments) = Attributes[method];
        List<ScopeArgument>? results = null;

        Assert.False(ScopeArguments.TryPairWithAttributeData(data, isRequireScope: true, arguments, ref results));
        Assert.Null(results);
    }

    /// <summary>
    /// Erroneous code the analyzer still meets while the user types: a <c>Policy =</c> that is not a constant is a
    /// named argument of the attribute data whose constant is an error without a value, so the syntax is paired with
    /// no value (a non-constant policy).
    /// </summary>
    [Fact]
    public void A_Policy_property_without_a_constant_is_paired_with_no_value()
    {
        var source = EndpointCorpus.Usings + """
            public static class Holder { public static readonly string Field = "readOnly"; }
            public class Forms
            {
                [Authorize(Policy = Holder.Field)] public void NotConstant() { }
            }
            """;
        var compilation = TestCompilation.Create(new[] { source });
        Assert.Contains(compilation.GetDiagnostics(TestContext.Current.CancellationToken), d => d.Id == "CS0182");
        var data = compilation.GetTypeByMetadataName("Forms")!.GetMembers("NotConstant").Single().GetAttributes().Single();
        var arguments = ((AttributeSyntax)data.ApplicationSyntaxReference!.GetSyntax(TestContext.Current.CancellationToken)).ArgumentList!;
        List<ScopeArgument>? results = null;

        var paired = ScopeArguments.TryPairWithAttributeData(data, isRequireScope: false, arguments, ref results);

        Assert.True(paired);
        var only = Assert.Single(results!);
        Assert.Equal("Holder.Field", only.Syntax.ToString());
        Assert.Null(only.Value);
    }

    private static IReadOnlyDictionary<string, (AttributeData, AttributeArgumentListSyntax)> Load()
    {
        var source = EndpointCorpus.Usings + """
            #nullable disable
            public class Forms
            {
                [RequireScope(Scopes.Workflow.Read, "workflow:list")] public void Two() { }
                [RequireScope(anyOf: Scopes.Workflow.Read)] public void ByName() { }
                [RequireScope(Scopes.Workflow.Delete, Roles = "admin")] public void WithRoles() { }
                [RequireScope(("workflow:list"))] public void Parenthesized() { }
                [Authorize("readOnly", Roles = "admin")] public void Policy() { }
                [Authorize(policy: "readOnly")] public void PolicyByName() { }
                [Authorize(Roles = "admin", Policy = Scopes.Tag.List)] public void PolicyProperty() { }
                [Authorize(Roles = "admin")] public void NoPolicy() { }
                [RequireScope(new string[] { Scopes.Workflow.Read })] public void ExplicitArray() { }
                [RequireScope(new[] { Scopes.Workflow.Read })] public void ImplicitArray() { }
                [RequireScope([Scopes.Workflow.Read])] public void CollectionExpression() { }
                [RequireScope(anyOf: new[] { Scopes.Workflow.Read })] public void ArrayByName() { }
                [RequireScope(null)] public void NullArray() { }
                [Lookalike.RequireScope("workflow:read")] public void LookalikeWithOneString() { }
                [Lookalike.RequireScope(1, "workflow:read")] public void LookalikeWithNoArray() { }
            }

            namespace Lookalike
            {
                // The analyzer knows [RequireScope] by its class name, so an application's own attribute of that
                // name whose constructor takes no params array reaches the fast path too.
                public sealed class RequireScopeAttribute : Attribute
                {
                    public RequireScopeAttribute(string scope) { }

                    public RequireScopeAttribute(int version, string scope) { }
                }
            }
            """;
        var compilation = TestCompilation.Create(new[] { source });
        var manifest = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(AnalyzerHarness.ManifestPath, AnalyzerHarness.N8nManifest));
        var output = GeneratorRunner.Run(compilation, manifest).Output;
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Empty(errors);

        var type = output.GetTypeByMetadataName("Forms")!;
        return type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).ToDictionary(
            m => m.Name,
            m =>
            {
                var data = m.GetAttributes().Single();
                var syntax = (AttributeSyntax)data.ApplicationSyntaxReference!.GetSyntax();
                return (data, syntax.ArgumentList!);
            });
    }
}
