using System;
using System.Collections.Generic;
using System.Linq;
using ScopeGen.DependencyRenamer;

// Usage: ScopeGen.DependencyRenamer --output DIR --rename OLD=NEW [--rename ...] ASSEMBLY...
string? output = null;
var renames = new Dictionary<string, string>(StringComparer.Ordinal);
var inputs = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--output" when i + 1 < args.Length:
            output = args[++i];
            break;
        case "--rename" when i + 1 < args.Length && args[i + 1].Split('=') is [{ Length: > 0 } from, { Length: > 0 } to]:
            renames[from] = to;
            i++;
            break;
        default:
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"ScopeGen.DependencyRenamer: unknown or incomplete option '{args[i]}'.");
                return 2;
            }

            inputs.Add(args[i]);
            break;
    }
}

if (output is null || renames.Count == 0 || inputs.Count == 0)
{
    Console.Error.WriteLine("Usage: ScopeGen.DependencyRenamer --output DIR --rename OLD=NEW [--rename OLD=NEW ...] ASSEMBLY...");
    return 2;
}

foreach (var written in DependencyRenamer.Run(inputs, renames, output))
{
    Console.WriteLine(written);
}

return 0;
