using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;
using ScopeGen.Testing;

namespace ScopeGen.Analyzers.Tests.Helpers;

/// <summary>Source compiled into an assembly of its own and referenced as metadata, as a NuGet package or another project is.</summary>
public static class MetadataLibrary
{
    public static MetadataReference Compile(string source, string assemblyName, IEnumerable<MetadataReference>? references = null)
    {
        var compilation = TestCompilation.Create(new[] { source }, assemblyName: assemblyName);
        if (references is not null)
        {
            compilation = compilation.WithReferences(references);
        }

        using var image = new MemoryStream();
        var result = compilation.Emit(image, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
