using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScopeGen.Analyzers.CodeFixes;

/// <summary>
/// Decides how to write a type's name at a position: by its simple name when it is already in scope or a
/// <c>using</c> can bring it in, else fully qualified; collects the <c>using</c> directives to add.
/// </summary>
internal sealed class ImportsHelper
{
    private readonly SemanticModel model;
    private readonly SortedSet<string> namespacesToAdd = new(System.StringComparer.Ordinal);

    public ImportsHelper(SemanticModel model) => this.model = model;

    /// <summary>
    /// The prefix to write before a name that lives in <paramref name="ns"/> and whose first identifier is
    /// <paramref name="simpleName"/>: empty (adding <c>using ns;</c> if needed), or <c>global::ns.</c> on a clash.
    /// </summary>
    public string Qualify(int position, string? ns, string simpleName, bool isExtensionClass = false)
    {
        var visible = model.LookupNamespacesAndTypes(position, container: null, name: simpleName);
        var fullName = ns is null ? simpleName : ns + "." + simpleName;
        if (visible.Any(symbol => symbol.ToDisplayString() == fullName))
        {
            return string.Empty;
        }

        if (ns is null)
        {
            return "global::";
        }

        // Another type of that name is in scope: a using would not help (an extension class never clashes by name in use).
        if (!isExtensionClass && !visible.IsEmpty)
        {
            return "global::" + ns + ".";
        }

        namespacesToAdd.Add(ns);
        return string.Empty;
    }

    /// <summary>Adds the collected <c>using</c> directives that the compilation unit does not have yet.</summary>
    public SyntaxNode AddUsings(SyntaxNode root)
    {
        if (root is not CompilationUnitSyntax unit || namespacesToAdd.Count == 0)
        {
            return root;
        }

        var existing = new HashSet<string>(unit.Usings.Select(u => u.Name?.ToString() ?? string.Empty));
        var eol = unit.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var newLine = eol.IsKind(SyntaxKind.EndOfLineTrivia) ? eol : SyntaxFactory.EndOfLine("\n");
        var usings = unit.Usings;
        foreach (var ns in namespacesToAdd.Where(ns => !existing.Contains(ns)))
        {
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns).WithLeadingTrivia(SyntaxFactory.Space)).WithTrailingTrivia(newLine);
            var index = 0;
            while (index < usings.Count && usings[index].StaticKeyword.IsKind(SyntaxKind.None) && usings[index].Alias is null
                && string.CompareOrdinal(usings[index].Name?.ToString(), ns) < 0)
            {
                index++;
            }

            usings = usings.Insert(index, directive);
        }

        if (unit.Usings.Count == 0)
        {
            // The file's leading trivia (a header comment) stays first; a blank line separates the usings from the code.
            var first = unit.GetLeadingTrivia();
            unit = unit.WithoutLeadingTrivia();
            usings = usings.Replace(usings[0], usings[0].WithLeadingTrivia(first));
            usings = usings.Replace(usings[usings.Count - 1], usings[usings.Count - 1].WithTrailingTrivia(newLine, newLine));
        }

        return unit.WithUsings(usings);
    }
}
