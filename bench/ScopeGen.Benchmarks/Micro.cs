using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
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
                ScopeArguments.FromSymbolAttributes(symbol.GetAttributes(), compilation, types, ref l, default);
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

internal static class MicroBody
{
    public static void Run()
    {
        var input = LargeCompilation.Create(withFindings: true);
        var compilation = input.Fresh();
        compilation.GetDiagnostics();
        var tree = compilation.SyntaxTrees.First(t => t.FilePath == "Endpoints.cs");
        var model = compilation.GetSemanticModel(tree);
        var method = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().First();
        var body = model.GetOperation(method)!;
        for (var round = 0; round < 30; round++)
        {
            var sw = Stopwatch.StartNew();
            var n = 0;
            foreach (var op in body.DescendantsAndSelf())
            {
                n++;
            }

            var t1 = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var k = 0;
            foreach (var op in body.DescendantsAndSelf())
            {
                switch (op.Kind)
                {
                    case OperationKind.LocalReference or OperationKind.ParameterReference or OperationKind.FieldReference:
                        k++;
                        break;
                }
            }

            var t2 = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var stack = new Stack<IOperation>();
            stack.Push(body);
            var m = 0;
            while (stack.Count > 0)
            {
                var op = stack.Pop();
                m++;
                foreach (var child in op.ChildOperations)
                {
                    stack.Push(child);
                }
            }

            var t3 = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var walker = new CountingWalker();
            walker.Visit(body);
            var t4 = sw.Elapsed.TotalMilliseconds;
            if (round % 10 == 9)
            {
                Console.WriteLine($"operations: {n}; walk {t1:F2} ms; walk+kind switch {t2:F2} ms ({k} references); manual stack {t3:F2} ms ({m}); OperationWalker {t4:F2} ms ({walker.Count})");
            }
        }
    }
}

internal sealed class CountingWalker : OperationWalker
{
    public int Count { get; private set; }

    public override void DefaultVisit(IOperation operation)
    {
        Count++;
        base.DefaultVisit(operation);
    }
}
