using ScopeGen.Testing;

namespace ScopeGen.Package.Tests;

/// <summary>The <c>dotnet</c> CLI as a user runs it: the shared <see cref="ProcessRunner"/>.</summary>
public static class DotnetCli
{
    /// <summary>
    /// Runs <c>dotnet <paramref name="args"/></c> in <paramref name="workingDirectory"/>; kills the
    /// process tree after <paramref name="timeout"/> (a guard against a hang, not a timing assertion).
    /// </summary>
    public static CommandResult Run(string workingDirectory, IReadOnlyList<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRunner.RunDotnet(workingDirectory, args, timeout, environment);
}
