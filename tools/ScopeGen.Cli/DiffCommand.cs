using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ScopeGen.Manifest;

namespace ScopeGen.Cli;

/// <summary><c>scopegen diff</c>: scope changes between two manifest versions, exit 2 on a breaking removal.</summary>
public static class DiffCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse("diff", args, flags: new string[0], valued: new[] { "--format" }, Aliases.Format);
        if (line.Help)
        {
            stdout.Write(Usage.Diff);
            return ExitCodes.Ok;
        }

        if (line.Operands.Count != 2)
        {
            throw CommandLine.Usage("diff", $"expected two operands, <old> and <new>; got {line.Operands.Count}");
        }

        var format = line.Value("--format") ?? "text";
        if (format is not ("text" or "json"))
        {
            throw CommandLine.Usage("diff", $"unknown format '{format}': use text or json");
        }

        var (oldPath, newPath) = (line.Operands[0], line.Operands[1]);
        var (oldCatalog, oldDiagnostics) = ManifestInput.Load("diff", new[] { oldPath }, null, allowGitRevision: true);
        var (newCatalog, newDiagnostics) = ManifestInput.Load("diff", new[] { newPath }, null, allowGitRevision: true);
        var diagnostics = oldDiagnostics.Concat(newDiagnostics).ToList();
        foreach (var diagnostic in diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }

        if (diagnostics.Any(d => d.Severity == ManifestSeverity.Error))
        {
            stderr.WriteLine("scopegen: error: the manifests have errors; fix them before comparing.");
            return ExitCodes.ManifestErrors;
        }

        var diff = ScopeDiff.Compare(oldCatalog, newCatalog);
        stdout.Write(format == "json" ? RenderJson(oldPath, newPath, diff) : RenderText(oldPath, newPath, diff));
        if (!diff.IsBreaking)
        {
            return ExitCodes.Ok;
        }

        var breaking = diff.Removed.Where(r => r.IsBreaking).Select(r => r.Scope.Scope).ToList();
        stderr.WriteLine($"scopegen: error: breaking change: {CheckCommand.Plural(breaking.Count, "scope")} removed without being deprecated first ({string.Join(", ", breaking)}). " +
            "API keys that hold them stop working. Mark them 'deprecated' in one release and remove them in a later one.");
        return ExitCodes.BreakingChange;
    }

    /// <summary>The text report: one change per line, a keyword first, then a summary line.</summary>
    public static string RenderText(string oldPath, string newPath, ScopeDiff diff)
    {
        var text = new StringBuilder();
        text.Append("Comparing ").Append(oldPath).Append(" -> ").Append(newPath).Append('\n');
        foreach (var scope in diff.Added)
        {
            Line(text, "added", scope.Scope + Describe(scope.Description));
        }

        foreach (var removed in diff.Removed)
        {
            Line(text, "removed", removed.Scope.Scope + (removed.IsBreaking ? "  BREAKING: it was not deprecated in the old manifest" : "  (was deprecated)"));
        }

        foreach (var rename in diff.DeclaredRenames)
        {
            Line(text, "renamed", $"{rename.From.Scope} -> {rename.To.Scope}  (renamedFrom: keys holding {rename.From.Scope} keep working)");
        }

        foreach (var rename in diff.Renamed)
        {
            Line(text, "renamed?", $"{rename.From.Scope} -> {rename.To.Scope}  (same {rename.Basis}, description similarity {rename.Similarity.ToString("0.00", CultureInfo.InvariantCulture)})");
        }

        foreach (var scope in diff.Deprecated)
        {
            Line(text, "deprecated", scope.Scope + (scope.DeprecationMessage is null ? string.Empty : ": " + scope.DeprecationMessage));
        }

        foreach (var scope in diff.Undeprecated)
        {
            Line(text, "undeprecated", scope.Scope);
        }

        foreach (var described in diff.Described)
        {
            Line(text, "described", $"{described.Scope}: {Quote(described.OldDescription)} -> {Quote(described.NewDescription)}");
        }

        foreach (var preset in diff.Presets)
        {
            var changes = preset.AddedScopes.Select(s => "+" + s).Concat(preset.RemovedScopes.Select(s => "-" + s));
            Line(text, "preset", $"{preset.Name} {preset.Change}: {string.Join(" ", changes)}".TrimEnd(' ', ':'));
        }

        if (diff.IsEmpty)
        {
            text.Append("No scope changes.\n");
            return text.ToString();
        }

        var breaking = diff.Removed.Count(r => r.IsBreaking);
        text.Append($"{diff.Added.Count} added, {diff.Removed.Count} removed ({breaking} breaking), {diff.DeclaredRenames.Count} renamed, {diff.Renamed.Count} renamed?, " +
            $"{diff.Deprecated.Count} deprecated, {diff.Undeprecated.Count} undeprecated, {diff.Described.Count} described, " +
            $"{CheckCommand.Plural(diff.Presets.Count, "preset")} changed.\n");
        return text.ToString();
    }

    /// <summary>
    /// The JSON report: <c>{ old, new, breaking, added: [{scope, description}], removed: [{scope, description,
    /// wasDeprecated, breaking}], declaredRenames: [{from, to}], renamed: [{from, to, basis, similarity}], deprecated: [{scope, message}],
    /// undeprecated: [scope], described: [{scope, old, new}], presets: [{name, change, addedScopes, removedScopes}] }</c>.
    /// </summary>
    public static string RenderJson(string oldPath, string newPath, ScopeDiff diff)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonDocs.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("old", oldPath);
            json.WriteString("new", newPath);
            json.WriteBoolean("breaking", diff.IsBreaking);
            json.WriteStartArray("added");
            foreach (var scope in diff.Added)
            {
                json.WriteStartObject();
                json.WriteString("scope", scope.Scope);
                json.WriteString("description", scope.Description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("removed");
            foreach (var removed in diff.Removed)
            {
                json.WriteStartObject();
                json.WriteString("scope", removed.Scope.Scope);
                json.WriteString("description", removed.Scope.Description);
                json.WriteBoolean("wasDeprecated", removed.Scope.IsDeprecated);
                json.WriteBoolean("breaking", removed.IsBreaking);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("declaredRenames");
            foreach (var rename in diff.DeclaredRenames)
            {
                json.WriteStartObject();
                json.WriteString("from", rename.From.Scope);
                json.WriteString("to", rename.To.Scope);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("renamed");
            foreach (var rename in diff.Renamed)
            {
                json.WriteStartObject();
                json.WriteString("from", rename.From.Scope);
                json.WriteString("to", rename.To.Scope);
                json.WriteString("basis", rename.Basis);
                json.WriteNumber("similarity", System.Math.Round(rename.Similarity, 3));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("deprecated");
            foreach (var scope in diff.Deprecated)
            {
                json.WriteStartObject();
                json.WriteString("scope", scope.Scope);
                json.WriteString("message", scope.DeprecationMessage);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            JsonDocs.WriteStrings(json, "undeprecated", diff.Undeprecated.Select(scope => scope.Scope));
            json.WriteStartArray("described");
            foreach (var described in diff.Described)
            {
                json.WriteStartObject();
                json.WriteString("scope", described.Scope);
                json.WriteString("old", described.OldDescription);
                json.WriteString("new", described.NewDescription);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("presets");
            foreach (var preset in diff.Presets)
            {
                json.WriteStartObject();
                json.WriteString("name", preset.Name);
                json.WriteString("change", preset.Change);
                JsonDocs.WriteStrings(json, "addedScopes", preset.AddedScopes);
                JsonDocs.WriteStrings(json, "removedScopes", preset.RemovedScopes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Line(StringBuilder text, string kind, string detail) => text.Append(kind.PadRight(13)).Append(detail).Append('\n');

    private static string Describe(string? description) => description is null ? string.Empty : ": " + description;

    private static string Quote(string? text) => text is null ? "(none)" : "\"" + text + "\"";
}
