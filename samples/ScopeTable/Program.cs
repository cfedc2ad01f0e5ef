// Prints the n8n scope table, grouped by resource, from the constants ScopeGen generates
// out of manifest/n8n.scopes.yaml. A typo such as Scopes.Workflow.Craete does not compile.
using System;
using System.Linq;
using N8n.Api;

var byResource = Scopes.All.GroupBy(scope => scope.Substring(0, scope.IndexOf(':')));
var width = Scopes.All.Max(scope => scope.Length);
foreach (var resource in byResource)
{
    Console.WriteLine($"{resource.Key} ({resource.Count()})");
    foreach (var scope in resource)
    {
        Scopes.TryGetDescription(scope, out var description);
        Console.WriteLine($"  {scope.PadRight(width)}  {description}");
    }

    Console.WriteLine();
}

Console.WriteLine($"{Scopes.All.Count} scopes in {byResource.Count()} resources.");
Console.WriteLine($"Preset readOnly: {Scopes.Presets.ReadOnly.Count} scopes; Scopes.Workflow.Create = \"{Scopes.Workflow.Create}\".");
