using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using ScopeGen.Analyzers;

namespace ScopeGen.Benchmarks;

internal static class Micro
{
    public static void Run()
    {
        var input = LargeCompilation.Create(withFindings: false);
        var compilation = input.Fresh();
        compilation.GetDiagnostics();
        var types = KnownTypes.Create(compilation)!;
        var symbols = new List<ISymbol>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
            {
                symbols.Add(model.GetDeclaredSymbol(node)!);
            }
        }

        Console.WriteLine($"methods: {symbols.Count}");
        var list = new List<ScopeArgument>();
        for (var round = 0; round < 30; round++)
        {
            var sw = Stopwatch.StartNew();
            var count = 0;
            foreach (var symbol in symbols)
            {
                List<ScopeArgument>? l = list;
                ScopeArguments.FromSymbolAttributes(symbol, compilation, types, ref l, default);
                count += list.Count;
                list.Clear();
            }

            var t1 = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var n = 0;
            foreach (var symbol in symbols)
            {
                foreach (var data in symbol.GetAttributes())
                {
                    if (types.IsRequireScopeAttribute(data.AttributeClass) || types.IsAuthorizeAttribute(data.AttributeClass))
                    {
                        n++;
                    }
                }
            }

            var t2 = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var m = 0;
            foreach (var symbol in symbols)
            {
                foreach (var data in symbol.GetAttributes())
                {
                    if (types.IsRequireScopeAttribute(data.AttributeClass) && data.ApplicationSyntaxReference?.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax { ArgumentList: { } args })
                    {
                        m += args.Arguments.Count;
                    }
                }
            }

            var t3 = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            foreach (var symbol in symbols)
            {
                foreach (var data in symbol.GetAttributes())
                {
                    if (types.IsRequireScopeAttribute(data.AttributeClass) && data.ApplicationSyntaxReference?.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax { ArgumentList: { } args })
                    {
                        foreach (var a in args.Arguments)
                        {
                            m += a.Expression.RawKind;
                        }
                    }
                }
            }

            var t4 = sw.Elapsed.TotalMilliseconds;
            if (round % 10 == 9)
            {
                Console.WriteLine($"GetSyntax+ArgumentList: {t3:F2} ms; + argument expressions: {t4:F2} ms");
            }
            if (round % 10 == 9)
            {
                Console.WriteLine($"FromSymbolAttributes over all: {t1:F2} ms ({count} arguments); attribute class checks only: {t2:F2} ms ({n})");
            }
        }
    }
}
