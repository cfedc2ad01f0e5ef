using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ScopeGen.Manifest;

/// <summary>A node of the small YAML tree the manifest is read into: every node keeps its span.</summary>
internal abstract class YamlNode
{
    public SourceSpan Span { get; set; }
}

/// <summary>A scalar. YAML 1.1 typing is not applied: every scalar is text.</summary>
internal sealed class YamlText : YamlNode
{
    public YamlText(string value, bool isPlain)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    public bool IsPlain { get; }

    /// <summary>An empty value, <c>~</c> or <c>null</c> written without quotes.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
}

/// <summary>A mapping; duplicate keys are kept so the manifest reader can report them.</summary>
internal sealed class YamlMap : YamlNode
{
    public List<KeyValuePair<YamlText, YamlNode>> Entries { get; } = new();
}

internal sealed class YamlList : YamlNode
{
    public List<YamlNode> Items { get; } = new();
}

/// <summary>A node that was refused (an alias, a too-deep subtree) and already reported.</summary>
internal sealed class YamlRefused : YamlNode
{
}

/// <summary>
/// Reads YAML events into a <see cref="YamlNode"/> tree without recursion, refusing what a manifest
/// never needs (aliases, anchors, tags, complex keys, more than one document, deep nesting) so that
/// no input can make it expand, recurse or throw.
/// </summary>
internal sealed class YamlTreeReader
{
    /// <summary>The deepest nesting a manifest can use is five levels; this leaves room for mistakes.</summary>
    public const int MaxDepth = 32;

    private readonly string filePath;
    private readonly string text;
    private readonly List<ManifestDiagnostic> diagnostics;
    private readonly LineMap lines;
    private readonly Stack<Frame> stack = new();
    private YamlNode? root;
    private bool reportedAnchor;
    private bool reportedTag;

    private YamlTreeReader(string filePath, string text, List<ManifestDiagnostic> diagnostics)
    {
        this.filePath = filePath;
        this.text = text;
        this.diagnostics = diagnostics;
        lines = new LineMap(text);
    }

    /// <summary>
    /// Reads <paramref name="text"/>. On a syntax error it reports SCOPE100 and returns the part read
    /// before the error, so the valid beginning of a manifest still generates.
    /// </summary>
    public static YamlNode? Read(string filePath, string text, List<ManifestDiagnostic> diagnostics)
    {
        var reader = new YamlTreeReader(filePath, text, diagnostics);
        reader.ReadAll();
        return reader.root;
    }

    private void ReadAll()
    {
        var parser = new Parser(new StringReader(text));
        var documents = 0;
        var lastEnd = new Mark(0, 1, 1);
        try
        {
            while (MoveNext(parser))
            {
                var current = parser.Current;
                lastEnd = current!.End;
                switch (current)
                {
                    case DocumentStart start:
                        documents++;
                        if (documents > 1)
                        {
                            diagnostics.Add(ManifestRules.UnsupportedYaml.Create(filePath, ToSpan(start.Start, start.End.Index > start.Start.Index ? start.End : Advance(start.Start, 3)),
                                "A scope manifest holds one YAML document; this second document and everything after it is ignored"));
                            return;
                        }

                        break;
                    case Scalar scalar:
                        CheckProperties(scalar);
                        Add(new YamlText(scalar.Value, scalar.Style == ScalarStyle.Plain) { Span = ToSpan(scalar.Start, scalar.End) });
                        break;
                    case MappingStart mappingStart:
                        CheckProperties(mappingStart);
                        if (!Open(new YamlMap { Span = ToSpan(mappingStart.Start, mappingStart.End) }, mappingStart))
                        {
                            return;
                        }

                        break;
                    case SequenceStart sequenceStart:
                        CheckProperties(sequenceStart);
                        if (!Open(new YamlList { Span = ToSpan(sequenceStart.Start, sequenceStart.End) }, sequenceStart))
                        {
                            return;
                        }

                        break;
                    case MappingEnd:
                    case SequenceEnd:
                        Close(current.End);
                        break;
                    case AnchorAlias alias:
                        diagnostics.Add(ManifestRules.UnsupportedYaml.Create(filePath, ToSpan(alias.Start, alias.End),
                            $"YAML aliases ('*{alias.Value}') are not supported in a scope manifest: write the value out"));
                        Add(new YamlRefused { Span = ToSpan(alias.Start, alias.End) });
                        break;
                }
            }
        }
        catch (YamlException exception)
        {
            var end = exception.End.Index > exception.Start.Index ? exception.End : Advance(exception.Start, 1);
            diagnostics.Add(ManifestRules.YamlSyntax.Create(filePath, ToSpan(exception.Start, end), "Invalid YAML: " + exception.Message));
            stack.Clear();
        }
        catch (YamlReaderFailure)
        {
            // YamlDotNet fails on some malformed input with other exceptions (an unclosed '[' followed by a
            // less indented line, a cut "\uDE" escape), whose messages say nothing about the manifest
            // ("Operation is not valid due to the current state of the object"). An unclosed bracket is
            // pointed at; anything else is located where reading stopped.
            diagnostics.Add(UnclosedFlowCollection() is { } opener
                ? ManifestRules.YamlSyntax.Create(filePath, ToSpan(opener, Advance(opener, 1)),
                    text[(int)opener.Index] == '['
                        ? "Invalid YAML: this '[' is never closed; end it with ']' before the lines that follow"
                        : "Invalid YAML: this '{' is never closed; end it with '}' before the lines that follow")
                : ManifestRules.YamlSyntax.Create(filePath, ToSpan(lastEnd, Advance(lastEnd, 1)),
                    "Invalid YAML after this point: the YAML reader stopped here; look for an unclosed quote or a bad escape"));
            stack.Clear();
        }
    }

    /// <summary>Where the innermost flow collection ('[' or '{') still open was opened, if any.</summary>
    private Mark? UnclosedFlowCollection()
    {
        // A Stack enumerates from its top: the innermost collection first.
        foreach (var frame in stack)
        {
            if (frame.Start is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow }
                && frame.Start.Start.Index < text.Length && text[(int)frame.Start.Start.Index] is '[' or '{')
            {
                return frame.Start.Start;
            }
        }

        return null;
    }

    /// <summary>YamlDotNet's MoveNext, with its exceptions other than <see cref="YamlException"/> told apart from ours.</summary>
    private static bool MoveNext(IParser parser)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (Exception exception) when (exception is not YamlException and not OutOfMemoryException)
        {
            throw new YamlReaderFailure(exception);
        }
    }

    private void CheckProperties(NodeEvent node)
    {
        if (!node.Anchor.IsEmpty && !reportedAnchor)
        {
            reportedAnchor = true;
            diagnostics.Add(ManifestRules.UnsupportedYaml.Create(filePath, ToSpan(node.Start, node.End),
                $"YAML anchors ('&{node.Anchor}') are not supported in a scope manifest"));
        }

        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && !reportedTag)
        {
            reportedTag = true;
            diagnostics.Add(ManifestRules.UnsupportedYaml.Create(filePath, ToSpan(node.Start, node.End),
                $"YAML tags ('{node.Tag}') are not supported in a scope manifest: every value is read as text"));
        }
    }

    /// <summary>
    /// Opens a collection, or refuses one nested too deep and stops reading there: skipping the rest of a
    /// deep collection would still make YamlDotNet scan it, and its scanner is quadratic in flow nesting
    /// (10,000 levels of '[' take seconds), so a hostile file is cut off at the limit instead.
    /// </summary>
    private bool Open(YamlNode node, ParsingEvent start)
    {
        if (stack.Count >= MaxDepth)
        {
            diagnostics.Add(ManifestRules.UnsupportedYaml.Create(filePath, ToSpan(start.Start, start.End),
                $"The manifest is nested deeper than {MaxDepth} levels; this value and the rest of the manifest are ignored"));
            Add(new YamlRefused { Span = node.Span });
            return false;
        }

        Add(node);
        stack.Push(new Frame(node, start));
        return true;
    }

    private void Close(Mark end)
    {
        if (stack.Count == 0)
        {
            return;
        }

        var frame = stack.Pop();
        var node = frame.Node;
        SourceSpan last;
        var index = (int)end.Index;
        if (index < text.Length && text[index] is ']' or '}')
        {
            // A flow collection ends at its closing bracket, which the end event points at, not past.
            last = ToSpan(end, Advance(end, 1));
        }
        else
        {
            // A block collection's end event sits at the start of the next line; its last child ends it.
            last = LastChild(node) is { } child ? child.Span : node.Span;
        }

        node.Span = lines.Span(node.Span.StartOffset, Math.Max(node.Span.EndOffset, last.EndOffset));
    }

    private static YamlNode? LastChild(YamlNode node) => node switch
    {
        YamlMap map when map.Entries.Count > 0 => map.Entries[map.Entries.Count - 1].Value,
        YamlList list when list.Items.Count > 0 => list.Items[list.Items.Count - 1],
        _ => null,
    };

    private void Add(YamlNode node)
    {
        if (stack.Count == 0)
        {
            root ??= node;
            return;
        }

        var frame = stack.Peek();
        switch (frame.Node)
        {
            case YamlList list:
                list.Items.Add(node);
                break;
            case YamlMap map when frame.HasKey:
                if (frame.Key is { } key)
                {
                    map.Entries.Add(new KeyValuePair<YamlText, YamlNode>(key, node));
                }

                frame.HasKey = false;
                frame.Key = null;
                break;
            case YamlMap:
                frame.HasKey = true;
                if (node is YamlText text)
                {
                    frame.Key = text;
                }
                else
                {
                    frame.Key = null;
                    if (node is not YamlRefused)
                    {
                        diagnostics.Add(ManifestRules.UnsupportedYaml.Create(filePath, node.Span,
                            "Complex mapping keys are not supported in a scope manifest: a key is a plain name"));
                    }
                }

                break;
        }
    }

    /// <summary>
    /// The span between two marks, from their character offsets only: lines and columns come from the
    /// compiler's line breaking (<see cref="LineMap"/>), and marks past the end of the text (an error at
    /// end of file) are clamped, so a span is always valid.
    /// </summary>
    private SourceSpan ToSpan(Mark start, Mark end)
    {
        var startOffset = (int)Math.Min(text.Length, Math.Max(0, start.Index));
        var endOffset = (int)Math.Min(text.Length, Math.Max(start.Index, end.Index));
        return lines.Span(startOffset, endOffset);
    }

    private static Mark Advance(Mark mark, int characters) => new(mark.Index + characters, mark.Line, mark.Column + characters);

    private sealed class Frame
    {
        public Frame(YamlNode node, ParsingEvent start)
        {
            Node = node;
            Start = start;
        }

        public YamlNode Node { get; }

        /// <summary>The event that opened the collection: its style and where it begins.</summary>
        public ParsingEvent Start { get; }

        public bool HasKey { get; set; }

        public YamlText? Key { get; set; }
    }
}

/// <summary>An exception YamlDotNet threw that is not a <see cref="YamlException"/>.</summary>
internal sealed class YamlReaderFailure : Exception
{
    public YamlReaderFailure(Exception inner)
        : base(inner.Message, inner)
    {
    }
}
