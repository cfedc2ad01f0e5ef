using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace ScopeGen.Testing;

/// <summary>
/// Snapshot testing after Verify's conventions: the expected text lives in
/// <c>{TestClass}.{name}.verified.{ext}</c> beside the test file; on a mismatch the actual text is
/// written to <c>.received.{ext}</c> and the test fails. Set <c>SCOPEGEN_ACCEPT_SNAPSHOTS=1</c> (or
/// <c>VERIFY_AUTOVERIFY=1</c>) to accept received output as the new verified file.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "SCOPEGEN_ACCEPT_SNAPSHOTS";

    public static void Match(string actual, string name, string extension = "cs", [CallerFilePath] string testFile = "")
    {
        var directory = Path.GetDirectoryName(SourcePath(testFile))!;
        var prefix = Path.GetFileNameWithoutExtension(testFile) + "." + name;
        var verifiedPath = Path.Combine(directory, "Snapshots", $"{prefix}.verified.{extension}");
        var receivedPath = Path.Combine(directory, "Snapshots", $"{prefix}.received.{extension}");
        var normalized = Normalize(actual);

        var expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (expected == normalized)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(verifiedPath)!);
        if (IsAcceptMode())
        {
            File.WriteAllText(verifiedPath, normalized);
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        File.WriteAllText(receivedPath, normalized);
        throw new TestFailureException(expected is null
            ? $"No verified snapshot {verifiedPath}. The output was written to {receivedPath}; review it and rename it, or run with {AcceptVariable}=1."
            : $"Snapshot mismatch for {verifiedPath}. The output was written to {receivedPath}; diff the two, then rename it or run with {AcceptVariable}=1 to accept.\n{FirstDifference(expected, normalized)}");
    }

    /// <summary>
    /// The test file's path on this machine. A CI build (<c>ContinuousIntegrationBuild</c>) maps source
    /// paths to <c>/_/</c> for deterministic output; the repository root is found from the test binaries.
    /// </summary>
    private static string SourcePath(string testFile)
    {
        if (!testFile.StartsWith("/_/", StringComparison.Ordinal) && !testFile.StartsWith("/_\\", StringComparison.Ordinal))
        {
            return testFile;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScopeGen.sln")))
            {
                return Path.Combine(directory.FullName, testFile.Substring(3));
            }
        }

        return testFile;
    }

    private static bool IsAcceptMode() =>
        Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true" ||
        Environment.GetEnvironmentVariable("VERIFY_AUTOVERIFY") is "1" or "true";

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                return $"First difference at line {i + 1}:\n  verified: {e}\n  received: {a}";
            }
        }

        return string.Empty;
    }
}
