using System;
using System.IO;

namespace ScopeGen.Testing.Hosting;

/// <summary>
/// SQLite files for test apps: one folder per test process under the system's temp folder, deleted when the
/// process exits, so repeated test runs do not pile up databases in the temp folder. The browser tests
/// compile this file in as a link (they do not reference ScopeGen.Testing).
/// </summary>
public static class TestDatabases
{
    private static readonly Lazy<string> Folder = new(CreateFolder);

    /// <summary>A path for a new database file in this process's folder.</summary>
    public static string NewPath() => Path.Combine(Folder.Value, Guid.NewGuid().ToString("N") + ".db");

    private static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scopegen-tests", Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(folder);
        return folder;
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a system that refuses to delete it: the temp folder's own clean-up takes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
