using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ScopeGen.Testing;

/// <summary>An additional file held in memory, as the compiler would pass a manifest.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText? text;

    public InMemoryAdditionalText(string path, string? content)
    {
        Path = path;
        text = content is null ? null : SourceText.From(content, System.Text.Encoding.UTF8);
    }

    public InMemoryAdditionalText(string path, SourceText text)
    {
        Path = path;
        this.text = text;
    }

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default) => text;
}
