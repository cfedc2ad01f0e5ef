using System.Collections.Generic;

namespace ScopeGen.Cli;

/// <summary>Short option names shared by the commands.</summary>
internal static class Aliases
{
    public static readonly IReadOnlyDictionary<string, string> Output = new Dictionary<string, string> { ["-o"] = "--output" };

    public static readonly IReadOnlyDictionary<string, string> OutputAndFormat = new Dictionary<string, string> { ["-o"] = "--output", ["-f"] = "--format" };

    public static readonly IReadOnlyDictionary<string, string> Format = new Dictionary<string, string> { ["-f"] = "--format" };
}
