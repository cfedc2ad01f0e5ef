using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using ScopeGen.Manifest;

namespace ScopeGen.Cli;

/// <summary>Reads manifest operands (files, or <c>REV:path</c> through <c>git show</c>) and parses them with the build's parser.</summary>
public static class ManifestInput
{
    // Strict UTF-8: a binary or mis-encoded file is reported as unreadable instead of parsed as mojibake.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the text of a manifest operand; <paramref name="allowGitRevision"/> enables <c>REV:path</c>.</summary>
    public static string ReadText(string command, string operand, bool allowGitRevision)
    {
        if (File.Exists(operand))
        {
            return ReadFile(operand);
        }

        if (Directory.Exists(operand))
        {
            throw new CliException(ExitCodes.InputError, $"'{operand}' is a directory, not a manifest file", command);
        }

        // "REV:path" (HEAD~1:manifest/api.scopes.yaml); a name that exists as a file always wins above.
        var colon = operand.IndexOf(':');
        if (allowGitRevision && colon > 0 && colon < operand.Length - 1)
        {
            return GitShow(command, operand);
        }

        throw new CliException(ExitCodes.InputError, $"file not found: '{operand}'", command);
    }

    /// <summary>Parses and merges the operands as the build does; the catalog and every diagnostic, sorted by operand, line, column.</summary>
    public static (ScopeCatalog Catalog, IReadOnlyList<ManifestDiagnostic> Diagnostics) Load(string command, IReadOnlyList<string> operands, string? rootNamespace, bool allowGitRevision)
    {
        var files = operands.Select(operand => (operand, ReadText(command, operand, allowGitRevision))).ToList();
        var (catalog, diagnostics) = ScopeCatalog.FromTexts(files, rootNamespace);
        var order = operands.Select((operand, index) => (operand, index)).GroupBy(p => p.operand).ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);
        var sorted = diagnostics
            .Select((diagnostic, index) => (diagnostic, index))
            .OrderBy(p => order.TryGetValue(p.diagnostic.FilePath, out var fileIndex) ? fileIndex : int.MaxValue)
            .ThenBy(p => p.diagnostic.Span.StartLine)
            .ThenBy(p => p.diagnostic.Span.StartColumn)
            .ThenBy(p => p.index)
            .Select(p => p.diagnostic)
            .ToList();
        return (catalog, sorted);
    }

    private static string ReadFile(string path)
    {
        try
        {
            var length = new FileInfo(path).Length;
            // Characters never outnumber bytes in UTF-8, so this is the parser's limit with room for multi-byte text.
            if (length > 4L * ManifestParser.MaxLength)
            {
                throw new CliException(ExitCodes.InputError, $"'{path}' has {length:N0} bytes; a manifest is at most {ManifestParser.MaxLength:N0} characters", null);
            }

            using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            throw new CliException(ExitCodes.InputError, $"cannot read '{path}': it is not UTF-8 text", null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InputError, $"cannot read '{path}': {exception.Message}", null);
        }
    }

    private static string GitShow(string command, string operand)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = StrictUtf8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Directory.GetCurrentDirectory(),
        };
        start.ArgumentList.Add("show");
        start.ArgumentList.Add(operand);
        try
        {
            using var git = Process.Start(start) ?? throw new CliException(ExitCodes.InputError, "could not start git", command);
            var errorTask = git.StandardError.ReadToEndAsync();
            var text = git.StandardOutput.ReadToEnd();
            var error = errorTask.GetAwaiter().GetResult();
            git.WaitForExit();
            if (git.ExitCode != 0)
            {
                var reason = error.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? $"exit code {git.ExitCode}";
                throw new CliException(ExitCodes.InputError, $"'{operand}' is not a file, and 'git show {operand}' failed: {reason}", command);
            }

            return text;
        }
        catch (Win32Exception exception)
        {
            throw new CliException(ExitCodes.InputError, $"'{operand}' is not a file, and git could not be run to read it as REV:path ({exception.Message})", command);
        }
        catch (DecoderFallbackException)
        {
            throw new CliException(ExitCodes.InputError, $"cannot read '{operand}': it is not UTF-8 text", command);
        }
    }
}
