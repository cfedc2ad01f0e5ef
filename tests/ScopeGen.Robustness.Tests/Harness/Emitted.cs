using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace ScopeGen.Robustness.Tests.Harness;

/// <summary>Emits a compilation and loads it in a collectible context, to read what the generated code holds.</summary>
internal sealed class Emitted : IDisposable
{
    private readonly AssemblyLoadContext context;

    private Emitted(AssemblyLoadContext context, Assembly assembly, string? documentation)
    {
        this.context = context;
        Assembly = assembly;
        Documentation = documentation;
    }

    public Assembly Assembly { get; }

    /// <summary>The XML documentation file the compiler wrote, when asked for.</summary>
    public string? Documentation { get; }

    public static Emitted Load(Compilation compilation, bool withDocumentation = false)
    {
        using var pe = new MemoryStream();
        using var xml = withDocumentation ? new MemoryStream() : null;
        var result = compilation.Emit(pe, xmlDocumentationStream: xml);
        if (!result.Success)
        {
            throw new XunitException("Emit failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        pe.Position = 0;
        var context = new AssemblyLoadContext("robustness-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        var assembly = context.LoadFromStream(pe);
        var documentation = xml is null ? null : System.Text.Encoding.UTF8.GetString(xml.ToArray());
        return new Emitted(context, assembly, documentation);
    }

    public Type Type(string fullName) => Assembly.GetType(fullName) ?? throw new XunitException($"No type {fullName} in the generated code");

    /// <summary><c>Scopes.All</c> of the class <paramref name="fullName"/>.</summary>
    public IReadOnlyList<string> All(string fullName) =>
        (IReadOnlyList<string>)Type(fullName).GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>The value of the constant <paramref name="member"/> of <paramref name="typeName"/>.</summary>
    public string Constant(string typeName, string member) =>
        (string)Type(typeName).GetField(member, BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;

    public (bool Found, string Description) TryGetDescription(string className, string scope)
    {
        var arguments = new object?[] { scope, null };
        var found = (bool)Type(className).GetMethod("TryGetDescription")!.Invoke(null, arguments)!;
        return (found, (string)arguments[1]!);
    }

    public void Dispose() => context.Unload();
}
