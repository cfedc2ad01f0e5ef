using System.Text.RegularExpressions;

namespace ScopeGen.Package.Tests;

/// <summary>A compiler diagnostic as MSBuild's console logger prints it: <c>file(line,col): warning ID: message [project]</c>.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    private static readonly Regex Pattern = new(
        @"^\s*(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error|info) (?<id>[A-Z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?$",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// Every located diagnostic whose id starts with <paramref name="idPrefix"/>, as reported during the
    /// build; the logger's closing summary (after "Build succeeded." or "Build FAILED.") repeats them.
    /// </summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(CommandResult result, string idPrefix) =>
        result.Lines
            .TakeWhile(line => line.Trim() is not ("Build succeeded." or "Build FAILED."))
            .Select(line => Pattern.Match(line))
            .Where(match => match.Success && match.Groups["id"].Value.StartsWith(idPrefix, StringComparison.Ordinal))
            .Select(match => new BuildDiagnostic(
                match.Groups["file"].Value,
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value))
            .ToList();

    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";
}
