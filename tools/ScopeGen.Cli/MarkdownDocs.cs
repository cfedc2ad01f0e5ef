using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ScopeGen.Manifest;

namespace ScopeGen.Cli;

/// <summary>
/// The Markdown scope reference: per class a title, then one <c>### heading</c> and one
/// <c>| Scope | Description |</c> table per resource (columns padded, as hand-written docs such as
/// n8n's are), then the presets.
/// </summary>
public static class MarkdownDocs
{
    /// <summary>Renders the catalog.</summary>
    /// <param name="catalog">The manifests.</param>
    /// <param name="operations">With <c>--openapi</c>: the operations per scope, a third column.</param>
    public static string Render(ScopeCatalog catalog, OpenApiOperations? operations = null)
    {
        var text = new StringBuilder();
        foreach (var scopeClass in catalog.Classes)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            RenderClass(scopeClass, text, operations);
        }

        return text.ToString();
    }

    /// <summary>The heading of a resource: its description, or its name when it has none.</summary>
    public static string Heading(ResourceModel resource) =>
        string.IsNullOrWhiteSpace(resource.Description) ? resource.Name : OneLine(resource.Description!);

    /// <summary>The description cell of a scope, with "Reserved." and the deprecation appended.</summary>
    public static string DescriptionText(ScopeDefinition scope)
    {
        var description = scope.Description is null ? string.Empty : OneLine(scope.Description);
        // Not twice: a description that opens with "Reserved" (the n8n seed's "Reserved scope. ...") already says it.
        if (scope.IsReserved && !description.StartsWith("Reserved", System.StringComparison.OrdinalIgnoreCase))
        {
            description = description.Length == 0 ? "Reserved." : $"{description} Reserved.";
        }

        if (!scope.IsDeprecated)
        {
            return description;
        }

        var deprecation = scope.DeprecationMessage is null ? "Deprecated." : $"Deprecated: {OneLine(scope.DeprecationMessage)}";
        return description.Length == 0 ? deprecation : $"{description} {deprecation}";
    }

    private static void RenderClass(ScopeClassModel scopeClass, StringBuilder text, OpenApiOperations? operations)
    {
        var scopeCount = scopeClass.AllScopes.Count();
        text.Append("# ").Append(scopeClass.FullName).Append('\n').Append('\n');
        text.Append(CheckCommand.Plural(scopeCount, "scope")).Append(" in ").Append(CheckCommand.Plural(scopeClass.Resources.Count, "resource"))
            .Append(", from ").Append(string.Join(", ", scopeClass.ManifestPaths.Select(path => Code(Path.GetFileName(path))))).Append(".\n");
        text.Append('\n').Append("## Scopes\n");

        foreach (var resource in scopeClass.Resources)
        {
            text.Append('\n').Append("### ").Append(EscapeText(Heading(resource))).Append('\n').Append('\n');
            if (resource.Scopes.Count == 0)
            {
                text.Append("This resource defines no scopes.\n");
                continue;
            }

            if (operations is not null)
            {
                var withOperations = resource.Scopes.Select(scope => new[] { Code(scope.Value), EscapeCell(DescriptionText(scope)), OperationsCell(operations.For(scope.Value)) }).ToList();
                AppendTable(text, new[] { "Scope", "Description", "Operations" }, withOperations);
                continue;
            }

            var rows = resource.Scopes.Select(scope => (Code(scope.Value), EscapeCell(DescriptionText(scope)))).ToList();
            AppendTable(text, ("Scope", "Description"), rows);
        }

        if (scopeClass.Presets.Count > 0)
        {
            text.Append('\n').Append("## Presets\n");
            foreach (var preset in scopeClass.Presets)
            {
                text.Append('\n').Append("### ").Append(Code(preset.Name)).Append('\n').Append('\n');
                if (!string.IsNullOrWhiteSpace(preset.Description))
                {
                    text.Append(EscapeText(OneLine(preset.Description!))).Append('\n').Append('\n');
                }

                text.Append(CheckCommand.Plural(preset.Scopes.Count, "scope"));
                text.Append(preset.Scopes.Count == 0 ? ".\n" : ": " + string.Join(", ", preset.Scopes.Select(Code)) + ".\n");
            }
        }
    }

    private static void AppendTable(StringBuilder text, (string Left, string Right) header, List<(string Left, string Right)> rows)
    {
        var leftWidth = Math.Max(header.Left.Length, rows.Max(row => row.Left.Length));
        var rightWidth = Math.Max(header.Right.Length, rows.Max(row => row.Right.Length));
        AppendRow(text, header.Left, header.Right, leftWidth, rightWidth);
        AppendRow(text, new string('-', leftWidth), new string('-', rightWidth), leftWidth, rightWidth);
        foreach (var (left, right) in rows)
        {
            AppendRow(text, left, right, leftWidth, rightWidth);
        }
    }

    private static void AppendTable(StringBuilder text, string[] header, List<string[]> rows)
    {
        var widths = header.Select((title, column) => Math.Max(title.Length, rows.Max(row => row[column].Length))).ToArray();
        AppendCells(text, header, widths);
        AppendCells(text, widths.Select(width => new string('-', width)).ToArray(), widths);
        foreach (var row in rows)
        {
            AppendCells(text, row, widths);
        }
    }

    private static void AppendCells(StringBuilder text, string[] cells, int[] widths) =>
        text.Append("| ").Append(string.Join(" | ", cells.Select((cell, column) => cell.PadRight(widths[column])))).Append(" |\n");

    /// <summary>The operations that require a scope, <c>GET /path</c> each, or "(none)" so a scope no endpoint uses stands out.</summary>
    private static string OperationsCell(IReadOnlyList<OpenApiOperation> operations) =>
        operations.Count == 0 ? "(none)" : string.Join("<br>", operations.Select(operation => Code(operation.ToString())));

    private static void AppendRow(StringBuilder text, string left, string right, int leftWidth, int rightWidth) =>
        text.Append("| ").Append(left.PadRight(leftWidth)).Append(" | ").Append(right.PadRight(rightWidth)).Append(" |\n");

    /// <summary>A Markdown code span that survives backticks in the text (a longer fence, as CommonMark allows).</summary>
    internal static string Code(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        if (longest == 0)
        {
            return "`" + EscapePipes(text) + "`";
        }

        var fence = new string('`', longest + 1);
        return fence + " " + EscapePipes(text) + " " + fence;
    }

    // Descriptions are written as Markdown (n8n's use `code`), so only what would break the table is escaped.
    private static string EscapeCell(string text) => EscapePipes(text);

    private static string EscapeText(string text) => text.StartsWith("#", StringComparison.Ordinal) ? "\\" + text : text;

    private static string EscapePipes(string text) => text.Replace("|", "\\|");

    private static string OneLine(string text) =>
        string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim())).Trim();
}
