using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ScopeGen.Analyzers;

/// <summary>
/// Decides whether an endpoint is covered by a scope requirement (or explicitly anonymous), following
/// the value of route builders through fluent chains, locals, fields and helper-method parameters.
/// One instance per compilation; thread-safe.
/// </summary>
internal sealed partial class EndpointCoverage
{
    /// <summary>
    /// Whether a method has the name of a minimal-API method that maps an endpoint to a handler delegate. A
    /// switch rather than a set: it is asked of every call in the compilation.
    /// </summary>
    public static bool IsMapMethodName(string name) =>
        name is "MapGet" or "MapPost" or "MapPut" or "MapPatch" or "MapDelete" or "MapMethods" or "Map" or "MapFallback";

    private const int MaxDepth = 16;

    private readonly Compilation compilation;
    private readonly AnalyzerOptions options;
    private readonly KnownTypes types;
    private readonly ScopeIndex index;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>?> callSites = new(SymbolEqualityComparer.Default);
    private readonly Lazy<bool> controllersCoveredByConvention;

    public EndpointCoverage(Compilation compilation, AnalyzerOptions options, KnownTypes types, ScopeIndex index)
    {
        this.compilation = compilation;
        this.options = options;
        this.types = types;
        this.index = index;
        controllersCoveredByConvention = new Lazy<bool>(ComputeControllersCoveredByConvention, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public KnownTypes Types => types;

    /// <summary>Whether <c>MapControllers()</c> is called, and every call carries a scope convention.</summary>
    public bool ControllersCoveredByConvention => controllersCoveredByConvention.Value;

    /// <summary>Whether attributes cover an endpoint: RequireScope, AllowAnonymous, or Authorize with a scope or preset policy.</summary>
    public bool AttributesCover(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (CoversByItself(attribute, types.RolesOf(attribute.AttributeClass)))
            {
                return true;
            }
        }

        return false;
    }

    private bool CoversByItself(AttributeData attribute, AttributeRoles roles) =>
        (roles & (AttributeRoles.RequireScope | AttributeRoles.AllowAnonymous)) != 0
        || ((roles & AttributeRoles.AuthorizeData) != 0 && ScopeArguments.PolicyOf(attribute) is { } policy && index.IsPolicy(policy));

    /// <summary>Whether every action of a controller is covered: by its class's or base classes' attributes, or a MapControllers() convention.</summary>
    public bool IsControllerCovered(INamedTypeSymbol controller) => FactsOf(controller).IsCoveredByAttributes || ControllersCoveredByConvention;

    /// <summary>Whether a controller action is covered by its own or its overridden methods' attributes.</summary>
    public bool IsActionCoveredByItsAttributes(IMethodSymbol action) =>
        ControllerFacts.AnyInheritedAttributes(action, this, static (attributes, coverage) => coverage.AttributesCover(attributes));

    /// <summary>The same, with the action's own attributes already read: only an override reads further.</summary>
    public bool IsActionCoveredByItsAttributes(IMethodSymbol action, in OwnAttributes own) =>
        own.Has(AttributeRoles.RequireScope | AttributeRoles.AllowAnonymous)
        || (own.Has(AttributeRoles.AuthorizeData) && AttributesCover(own.Attributes))
        || (action.OverriddenMethod is { } overridden && IsActionCoveredByItsAttributes(overridden));

    /// <summary>Whether an invocation maps a minimal-API endpoint; gives its route builder and handler.</summary>
    public bool IsEndpointMapping(IInvocationOperation invocation, out IOperation? receiver, out IOperation? handler)
    {
        receiver = null;
        handler = null;
        var method = invocation.TargetMethod;
        if (!IsMapMethodName(method.Name) || !method.IsExtensionMethod || !KnownTypes.IsInAspNetCoreBuilderNamespace(method))
        {
            return false;
        }

        var definition = method.ReducedFrom ?? method;
        if (definition.Parameters.Length == 0 || !SymbolEqualityComparer.Default.Equals(definition.Parameters[0].Type, types.EndpointRouteBuilder))
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            // A local, not `is not { } parameter`, so that Stryker's rewritten conditions still compile.
            var parameter = argument.Parameter;
            if (parameter is null)
            {
                continue;
            }

            if (parameter.Ordinal == 0)
            {
                receiver = argument.Value;
            }
            else if (SymbolEqualityComparer.Default.Equals(parameter.Type, types.Delegate) || SymbolEqualityComparer.Default.Equals(parameter.Type, types.RequestDelegate))
            {
                handler = argument.Value;
            }
        }

        return receiver is not null && handler is not null;
    }

    /// <summary>Whether a minimal-API endpoint is covered: by its handler's attributes, its fluent chain, or its route group.</summary>
    public bool IsEndpointCovered(IInvocationOperation mapping, IOperation receiver, IOperation handler, CancellationToken cancellationToken)
    {
        if (HandlerCovers(handler))
        {
            return true;
        }

        // One set per thread, reused: this runs for every mapping, and a set per mapping was most of what it allocated.
        var visiting = spareVisiting ?? new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        spareVisiting = null;
        try
        {
            return ResultCovered(mapping, visiting, 0, cancellationToken) || BuilderCovered(receiver, visiting, 0, cancellationToken);
        }
        finally
        {
            visiting.Clear();
            spareVisiting = visiting;
        }
    }

    [ThreadStatic]
    private static HashSet<ISymbol>? spareVisiting;

    /// <summary>Whether a call is a scope convention: RequireScope, AllowAnonymous, RequireAuthorization(scope policy), WithMetadata(covering attribute).</summary>
    public bool IsCoveringCall(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (KnownTypes.IsRequireScopeMethod(method) || KnownTypes.IsAllowAnonymousMethod(method))
        {
            return true;
        }

        if (KnownTypes.IsRequireAuthorizationMethod(method))
        {
            return NamesScopePolicy(call) || ArgumentValues(call).Any(IsCoveringCreation);
        }

        return KnownTypes.IsWithMetadataMethod(method) && ArgumentValues(call).Any(IsCoveringCreation);
    }

    private bool IsCoveringCreation(IOperation value)
    {
        if (Unwrap(value) is not IObjectCreationOperation creation)
        {
            return false;
        }

        return types.IsRequireScopeAttribute(creation.Type) || types.IsAllowAnonymousAttribute(creation.Type) || NamesScopePolicy(creation);
    }

    /// <summary>Whether a RequireAuthorization(...) call or an Authorize-like creation names a scope or preset policy.</summary>
    private bool NamesScopePolicy(IOperation operation)
    {
        List<ScopeArgument>? arguments = null;
        ScopeArguments.FromOperation(operation, types, ref arguments);
        return arguments is not null && arguments.Any(argument => argument.Value is { } policy && index.IsPolicy(policy));
    }

    private static IEnumerable<IOperation> ArgumentValues(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0 && call.TargetMethod.IsExtensionMethod)
            {
                continue;
            }

            if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    yield return element;
                }
            }
            else if (Unwrap(argument.Value).Syntax is CollectionExpressionSyntax)
            {
                // A C# 12 collection expression: Roslyn 4.8 has no operation interface for it; its children are its elements.
                foreach (var element in Unwrap(argument.Value).ChildOperations)
                {
                    yield return element;
                }
            }
            else
            {
                yield return argument.Value;
            }
        }
    }

    private bool HandlerCovers(IOperation handler)
    {
        var value = Unwrap(handler);
        if (value is IDelegateCreationOperation creation)
        {
            value = Unwrap(creation.Target);
        }

        return value switch
        {
            IAnonymousFunctionOperation lambda => AttributesCover(lambda.Symbol.GetAttributes()),
            IMethodReferenceOperation reference => AttributesCover(reference.Method.GetAttributes()),
            _ => false,
        };
    }

    /// <summary>
    /// Whether the builder an expression produces gets a covering convention after it: later in its fluent
    /// chain, through a local it is stored in, or at every call site of the method that returns it.
    /// </summary>
    private bool ResultCovered(IOperation operation, HashSet<ISymbol> visiting, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        if (WalkChainUp(operation, out var top))
        {
            return true;
        }

        var parent = top.Parent;
        while (parent is IConversionOperation)
        {
            top = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return HasCoveringStatement(declarator.Symbol, operation, cancellationToken) && AssignmentCount(declarator.Symbol, operation) == 1;
            case IReturnOperation:
                var owner = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart, cancellationToken) as IMethodSymbol;
                if (owner is null || owner.MethodKind == MethodKind.AnonymousFunction || !visiting.Add(owner))
                {
                    return false;
                }

                try
                {
                    var sites = CallSites(owner, cancellationToken);
                    return sites is { Length: > 0 } && sites.Value.All(site => ResultCovered(site, visiting, depth + 1, cancellationToken));
                }
                finally
                {
                    visiting.Remove(owner);
                }

            default:
                return false;
        }
    }

    /// <summary>Walks up a fluent chain of calls made on <paramref name="start"/>'s value; true when one covers.</summary>
    private bool WalkChainUp(IOperation start, out IOperation top)
    {
        top = start;
        var covered = false;
        while (true)
        {
            var parent = top.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            IInvocationOperation? call = parent switch
            {
                IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation extension } when extension.TargetMethod.IsExtensionMethod => extension,
                IInvocationOperation instance when instance.Instance is not null && Unwrap(instance.Instance) == Unwrap(top) => instance,
                _ => null,
            };
            if (call is null)
            {
                return covered;
            }

            var isCovering = IsCoveringCall(call);
            covered |= isCovering;

            // Only conventions go on: they return the builder they were given. A call that makes another
            // builder (MapGet's endpoint, MapGroup's sub-group) starts a chain whose conventions stay there.
            if (!IsBuilderType(call.Type) || !SymbolEqualityComparer.Default.Equals(call.Type, Unwrap(top).Type) || call.TargetMethod.Name.StartsWith("Map", StringComparison.Ordinal))
            {
                return covered;
            }

            top = call;
        }
    }

    /// <summary>Whether an expression that yields a route builder yields a covered one.</summary>
    private bool BuilderCovered(IOperation expression, HashSet<ISymbol> visiting, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (Unwrap(expression))
        {
            case IInvocationOperation call:
                if (IsCoveringCall(call))
                {
                    return true;
                }

                // ASP.NET Core's conventions and MapGroup return a builder whose endpoints inherit the receiver's conventions.
                var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod ? call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value : null);
                return receiver is not null && KnownTypes.IsAspNetCoreType(call.TargetMethod.ContainingType) && IsBuilderType(call.Type)
                    && BuilderCovered(receiver, visiting, depth + 1, cancellationToken);
            case ILocalReferenceOperation local:
                return SymbolCovered(local.Local, expression, visiting, depth, cancellationToken);
            case IParameterReferenceOperation parameter:
                return SymbolCovered(parameter.Parameter, expression, visiting, depth, cancellationToken);
            case IFieldReferenceOperation field:
                return SymbolCovered(field.Field, expression, visiting, depth, cancellationToken);
            default:
                return false;
        }
    }

    private bool SymbolCovered(ISymbol symbol, IOperation use, HashSet<ISymbol> visiting, int depth, CancellationToken cancellationToken)
    {
        if (!visiting.Add(symbol))
        {
            return false;
        }

        try
        {
            return symbol switch
            {
                ILocalSymbol local => LocalCovered(local, use, visiting, depth, cancellationToken),
                IParameterSymbol parameter => ParameterCovered(parameter, use, visiting, depth, cancellationToken),
                IFieldSymbol field => FieldCovered(field, visiting, depth, cancellationToken),
                _ => false,
            };
        }
        finally
        {
            visiting.Remove(symbol);
        }
    }

    private bool LocalCovered(ILocalSymbol local, IOperation use, HashSet<ISymbol> visiting, int depth, CancellationToken cancellationToken)
    {
        var values = AssignedValues(local, use, out var escapes);
        if (escapes || values.Count == 0)
        {
            return false;
        }

        if (values.Count > 1 && ReachingValue(values, use) is { } reaching)
        {
            values = new[] { reaching };
        }

        var allCovered = true;
        foreach (var value in values)
        {
            if (!BuilderCovered(value, visiting, depth + 1, cancellationToken))
            {
                allCovered = false;
                break;
            }
        }

        if (allCovered)
        {
            return true;
        }

        return values.Count == 1 && HasCoveringStatement(local, use, cancellationToken);
    }

    private bool ParameterCovered(IParameterSymbol parameter, IOperation use, HashSet<ISymbol> visiting, int depth, CancellationToken cancellationToken)
    {
        if (parameter.RefKind != RefKind.None || parameter.ContainingSymbol is not IMethodSymbol method || method.MethodKind == MethodKind.AnonymousFunction)
        {
            return false;
        }

        var assigned = AssignedValues(parameter, use, out var escapes);
        if (escapes || assigned.Count > 0)
        {
            return false;
        }

        if (HasCoveringStatement(parameter, use, cancellationToken))
        {
            return true;
        }

        var sites = CallSites(method, cancellationToken);
        if (sites is not { Length: > 0 })
        {
            return false;
        }

        foreach (var site in sites.Value)
        {
            var argument = site.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal);
            if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue || !BuilderCovered(argument.Value, visiting, depth + 1, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A private field is covered when every assignment in its type is a covered builder.</summary>
    private bool FieldCovered(IFieldSymbol field, HashSet<ISymbol> visiting, int depth, CancellationToken cancellationToken)
    {
        if (field.DeclaredAccessibility != Accessibility.Private)
        {
            return false;
        }

        var values = new List<IOperation>();
        foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            var model = SemanticModelFor(node.SyntaxTree);
            foreach (var candidate in node.DescendantNodes())
            {
                if (candidate is AssignmentExpressionSyntax assignment && model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is IFieldSymbol target
                    && SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, field.OriginalDefinition))
                {
                    if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || model.GetOperation(assignment, cancellationToken) is not ISimpleAssignmentOperation operation)
                    {
                        return false;
                    }

                    values.Add(operation.Value);
                }
                else if (candidate is VariableDeclaratorSyntax { Initializer: { } initializer } declarator
                    && SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator, cancellationToken), field)
                    && model.GetOperation(initializer, cancellationToken) is IFieldInitializerOperation fieldInitializer)
                {
                    values.Add(fieldInitializer.Value);
                }
                else if (candidate is ArgumentSyntax { RefKindKeyword.RawKind: not (int)SyntaxKind.None } refArgument
                    && model.GetSymbolInfo(refArgument.Expression, cancellationToken).Symbol is IFieldSymbol passed
                    && SymbolEqualityComparer.Default.Equals(passed.OriginalDefinition, field.OriginalDefinition))
                {
                    return false;
                }
            }
        }

        return values.Count > 0 && values.All(value => BuilderCovered(value, visiting, depth + 1, cancellationToken));
    }

    /// <summary>The values assigned to a local or parameter in the body that contains <paramref name="use"/>.</summary>
    private static IReadOnlyList<IOperation> AssignedValues(ISymbol symbol, IOperation use, out bool escapes)
    {
        var uses = BodyIndex.For(Root(use)).Find(symbol);
        escapes = uses?.Escapes ?? false;
        return uses is null ? Array.Empty<IOperation>() : uses.Values;
    }

    /// <summary>
    /// The one assignment whose value reaches <paramref name="use"/>, in the plain case: every assignment is a
    /// statement of one block, the use is in that block after the first of them, and no loop, lambda or local
    /// function of the block holds the use. Otherwise null (all assignments count).
    /// </summary>
    private static IOperation? ReachingValue(IReadOnlyList<IOperation> values, IOperation use)
    {
        var statements = values.Select(v => v.Syntax.FirstAncestorOrSelf<StatementSyntax>()).ToList();
        SyntaxNode? Container(StatementSyntax? statement) => statement?.Parent is GlobalStatementSyntax global ? global.Parent : statement?.Parent;
        var block = Container(statements[0]);
        if (block is null || statements.Any(s => Container(s) != block) || !block.Span.Contains(use.Syntax.Span)
            || block.DescendantNodes().Any(n => n is GotoStatementSyntax or LabeledStatementSyntax))
        {
            return null;
        }

        for (var node = use.Syntax.Parent; node is not null && node != block; node = node.Parent)
        {
            if (node is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or LambdaExpressionSyntax
                or AnonymousMethodExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return null;
            }
        }

        var reaching = -1;
        for (var i = 0; i < values.Count; i++)
        {
            if (statements[i]!.Span.End <= use.Syntax.SpanStart && (reaching < 0 || statements[i]!.SpanStart > statements[reaching]!.SpanStart))
            {
                reaching = i;
            }
        }

        if (reaching < 0)
        {
            return null;
        }

        // Several assignments in the reaching statement: only one that holds the others (group = (group = a).X())
        // is known to run last. Side by side (F(group = a, group = b)), the later one runs last: all count.
        var outer = values[reaching].Syntax.Parent ?? values[reaching].Syntax;
        for (var i = 0; i < values.Count; i++)
        {
            if (i != reaching && statements[i] == statements[reaching] && !outer.Span.Contains(values[i].Syntax.Span))
            {
                return null;
            }
        }

        return values[reaching];
    }

    private static int AssignmentCount(ISymbol symbol, IOperation use) => AssignedValues(symbol, use, out var escapes).Count + (escapes ? 1 : 0);

    /// <summary>
    /// Whether a statement <c>x.RequireScope(...);</c> (any fluent chain on <c>x</c> that covers) stands in a block that
    /// encloses <paramref name="use"/>. Conventions apply to a builder's endpoints whenever they are added, so the
    /// statement may come before or after the endpoint, but not inside a branch.
    /// </summary>
    private bool HasCoveringStatement(ISymbol symbol, IOperation use, CancellationToken cancellationToken)
    {
        if (BodyIndex.For(Root(use)).Find(symbol) is not { } uses)
        {
            return false;
        }

        foreach (var container in uses.CoveringContainers(reference => CoveringContainer(reference, cancellationToken)))
        {
            if (container.Span.Contains(use.Syntax.Span) && container.SyntaxTree == use.Syntax.SyntaxTree)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The block a covering statement on <paramref name="reference"/> stands in, or null when it is no such statement.</summary>
    private SyntaxNode? CoveringContainer(IOperation reference, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!WalkChainUp(reference, out var top))
        {
            return null;
        }

        // Evaluating the chain adds the convention, wherever the expression stands, unless it may not run.
        var statement = top.Syntax.FirstAncestorOrSelf<StatementSyntax>();
        if (statement is not (ExpressionStatementSyntax or LocalDeclarationStatementSyntax) || MayNotRun(top.Syntax, statement))
        {
            return null;
        }

        // A switch section runs its statements in order, as a block does; a branch (if, loop body) is no container.
        var container = statement.Parent is GlobalStatementSyntax global ? global.Parent : statement.Parent;
        return container is BlockSyntax or CompilationUnitSyntax or SwitchSectionSyntax ? container : null;
    }

    private static bool MayNotRun(SyntaxNode node, StatementSyntax statement)
    {
        for (var current = node.Parent; current is not null && current != statement; current = current.Parent)
        {
            if (current is ConditionalExpressionSyntax or ConditionalAccessExpressionSyntax or LambdaExpressionSyntax or AnonymousMethodExpressionSyntax
                || current.IsKind(SyntaxKind.LogicalAndExpression) || current.IsKind(SyntaxKind.LogicalOrExpression) || current.IsKind(SyntaxKind.CoalesceExpression))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The local, parameter or field (as its original definition) an expression reads, if any.</summary>
    private static ISymbol? ReferencedSymbol(IOperation operation)
    {
        operation = Unwrap(operation);
        return operation.Kind switch
        {
            OperationKind.LocalReference => ((ILocalReferenceOperation)operation).Local,
            OperationKind.ParameterReference => ((IParameterReferenceOperation)operation).Parameter,
            OperationKind.FieldReference => ((IFieldReferenceOperation)operation).Field.OriginalDefinition,
            _ => null,
        };
    }

    private static ISymbol Key(ISymbol symbol) => symbol is IFieldSymbol field ? field.OriginalDefinition : symbol;

    /// <summary>
    /// Every use of every local, parameter and field in one body, found in one walk and kept for the
    /// body's lifetime: each endpoint asks about the same builders, and walking the whole body per
    /// endpoint made analysis quadratic in the number of endpoints in a method.
    /// </summary>
    private sealed class BodyIndex
    {
        private static readonly ConditionalWeakTable<IOperation, BodyIndex> Cache = new();

        private readonly Dictionary<ISymbol, SymbolUses> uses = new(SymbolEqualityComparer.Default);

        private BodyIndex(IOperation root)
        {
            // A stack over ChildOperations, in document order: six times faster than DescendantsAndSelf()
            // (an iterator per level) on a method body mapping a thousand endpoints.
            var pending = new Stack<IOperation>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                foreach (var child in operation.ChildOperations.Reverse())
                {
                    pending.Push(child);
                }

                // Dispatched on Kind, an enum, first: most operations are none of these, and interface
                // type tests for each of them were a large part of building the index.
                switch (operation.Kind)
                {
                    case OperationKind.VariableDeclarator:
                        var declarator = (IVariableDeclaratorOperation)operation;
                        if (declarator.GetVariableInitializer() is { } initializer)
                        {
                            Get(declarator.Symbol).Values.Add(initializer.Value);
                        }

                        break;
                    case OperationKind.SimpleAssignment when ReferencedSymbol(((ISimpleAssignmentOperation)operation).Target) is { } target:
                        Get(target).Values.Add(((ISimpleAssignmentOperation)operation).Value);
                        break;
                    case OperationKind.CompoundAssignment or OperationKind.CoalesceAssignment or OperationKind.DeconstructionAssignment or OperationKind.DeclarationExpression:
                        foreach (var child in operation.Descendants())
                        {
                            if (ReferencedSymbol(child) is { } written)
                            {
                                Get(written).Escapes = true;
                            }
                        }

                        break;
                    case OperationKind.Argument when ((IArgumentOperation)operation) is { Parameter.RefKind: not RefKind.None } argument && ReferencedSymbol(argument.Value) is { } passed:
                        Get(passed).Escapes = true;
                        break;
                    case OperationKind.LocalReference or OperationKind.ParameterReference or OperationKind.FieldReference when ReferencedSymbol(operation) is { } read:
                        Get(read).References.Add(operation);
                        break;
                }
            }
        }

        public static BodyIndex For(IOperation root) => Cache.GetValue(root, static r => new BodyIndex(r));

        public SymbolUses? Find(ISymbol symbol) => uses.TryGetValue(Key(symbol), out var found) ? found : null;

        private SymbolUses Get(ISymbol symbol)
        {
            var key = Key(symbol);
            if (!uses.TryGetValue(key, out var found))
            {
                found = new SymbolUses();
                uses.Add(key, found);
            }

            return found;
        }
    }

    /// <summary>How one symbol is used in a body. Built once, then read from any thread.</summary>
    private sealed class SymbolUses
    {
        private readonly object gate = new();
        private List<SyntaxNode>? coveringContainers;

        public List<IOperation> Values { get; } = new();

        public List<IOperation> References { get; } = new();

        public bool Escapes { get; set; }

        /// <summary>The blocks that hold a covering statement on this symbol, computed on first use.</summary>
        public List<SyntaxNode> CoveringContainers(Func<IOperation, SyntaxNode?> containerOf)
        {
            lock (gate)
            {
                if (coveringContainers is null)
                {
                    coveringContainers = new List<SyntaxNode>();
                    foreach (var reference in References)
                    {
                        if (containerOf(reference) is { } container)
                        {
                            coveringContainers.Add(container);
                        }
                    }
                }

                return coveringContainers;
            }
        }
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation.Kind == OperationKind.Conversion)
        {
            operation = ((IConversionOperation)operation).Operand;
        }

        return operation;
    }

    private bool IsBuilderType(ITypeSymbol? type) =>
        types.IsA(type, types.EndpointConventionBuilder) || types.IsA(type, types.EndpointRouteBuilder);

    /// <summary>
    /// Every call of a source method, when all of them are known: none when the method is used as a value
    /// (a delegate), or callable from other assemblies.
    /// </summary>
    private ImmutableArray<IInvocationOperation>? CallSites(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        return callSites.GetOrAdd(method, m => FindCallSites(m, cancellationToken));
    }

    private ImmutableArray<IInvocationOperation>? FindCallSites(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.IsEmpty || (IsLibrary && IsExternallyVisible(method)))
        {
            return null;
        }

        var invocations = FindInvocations(method.Name, cancellationToken, out var escapes, method);
        return escapes ? null : invocations.ToImmutableArray();
    }

    /// <summary>
    /// Invocations of methods named <paramref name="name"/> across the compilation (of <paramref name="target"/> only,
    /// when given). A reference to the target that is not a call makes <paramref name="escapes"/> true.
    /// </summary>
    private List<IInvocationOperation> FindInvocations(string name, CancellationToken cancellationToken, out bool escapes, IMethodSymbol? target = null)
    {
        escapes = false;
        var found = new List<IInvocationOperation>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            // Searching the text is far cheaper than walking every node of every file, and most files
            // never mention the name. Generated files are skipped too, as the analyzer skips them.
            if ((tree.TryGetText(out var text) && !TextSearch.Contains(text, name)) || GeneratedCode.IsGenerated(tree, options, cancellationToken))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                // A cast, not `is not SimpleNameSyntax simpleName`, so that Stryker's rewritten conditions still compile.
                var simpleName = node as SimpleNameSyntax;
                if (simpleName is null || simpleName.Identifier.ValueText != name)
                {
                    continue;
                }

                model ??= SemanticModelFor(tree);
                var symbol = model.GetSymbolInfo(simpleName, cancellationToken).Symbol as IMethodSymbol;
                if (symbol is null || (target is not null && !SymbolEqualityComparer.Default.Equals((symbol.ReducedFrom ?? symbol).OriginalDefinition, target)))
                {
                    continue;
                }

                var callee = simpleName.Parent is MemberAccessExpressionSyntax access && access.Name == simpleName ? access : (ExpressionSyntax)simpleName;
                if (callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee
                    && model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation)
                {
                    found.Add(operation);
                }
                else
                {
                    escapes = true;
                }
            }
        }

        return found;
    }

    private bool ComputeControllersCoveredByConvention()
    {
        var calls = FindInvocations("MapControllers", CancellationToken.None, out _)
            .Where(call => KnownTypes.IsAspNetCoreType(call.TargetMethod.ContainingType))
            .ToList();
        return calls.Count > 0 && calls.All(call => ResultCovered(call, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0, CancellationToken.None));
    }

    private bool IsLibrary => compilation.Options.OutputKind is OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule;

    private static bool IsExternallyVisible(ISymbol symbol)
    {
        for (var current = symbol; current is not null && current is not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

#pragma warning disable RS1030 // Following a route builder into helper methods needs the bindings of other files; results are cached per compilation.
    private SemanticModel SemanticModelFor(SyntaxTree tree) => compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
}
