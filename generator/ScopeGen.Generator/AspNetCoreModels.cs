using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ScopeGen.Manifest;

namespace ScopeGen.Generator;

/// <summary>
/// What the ASP.NET Core emitter needs from the catalog: plain names only, so a manifest edit that
/// changes a description or adds a scope does not re-emit the ASP.NET Core files.
/// </summary>
/// <param name="ScopeClasses">Fully qualified names (without <c>global::</c>) of every scope class, in catalog order.</param>
/// <param name="AttributeNamespaces">Each distinct namespace of a scope class, in catalog order; the empty string is the global namespace.</param>
internal sealed record AspNetCoreModel(EquatableArray<string> ScopeClasses, EquatableArray<string> AttributeNamespaces)
{
    public static AspNetCoreModel FromCatalog(CatalogOutput catalog)
    {
        var classes = catalog.Classes.Select(output => output.Model.FullName).Distinct().ToList();
        var namespaces = new List<string>();
        foreach (var output in catalog.Classes)
        {
            var name = output.Model.Namespace ?? string.Empty;
            if (!namespaces.Contains(name))
            {
                namespaces.Add(name);
            }
        }

        return new AspNetCoreModel(classes.ToEquatableArray(), namespaces.ToEquatableArray());
    }
}
