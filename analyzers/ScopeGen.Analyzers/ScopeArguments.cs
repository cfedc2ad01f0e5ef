using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScopeGen.Analyzers;

/// <summary>How a string is used: as a scope (RequireScope) or as a policy name (Authorize, RequireAuthorization).</summary>
internal enum ScopeArgumentKind
{
    Scope,
    Policy,
}

/// <summary>One string argument that names a scope or a policy.</summary>
/// <param name="Kind">Scope or policy.</param>
/// <param name="Syntax">The argument expression.</param>
/// <param name="Value">Its constant value, or null when it is not a constant.</param>
/// <param name="IsLiteral">Whether it is written as a string literal.</param>
internal readonly record struct ScopeArgument(ScopeArgumentKind Kind, SyntaxNode Syntax, string? Value, bool IsLiteral);

/// <summary>Finds the scope and policy strings of <c>[RequireScope]</c>, <c>.RequireScope()</c>, <c>[Authorize]</c> and <c>.RequireAuthorization()</c>.</summary>
internal static class ScopeArguments
{
    /// <summary>
    /// The arguments of a <c>[RequireScope]</c> (<paramref name="isRequireScope"/>) or <c>[Authorize]</c>-like attribute,
    /// by binding its syntax (the slow path).
    /// </summary>
    public static void FromAttribute(AttributeSyntax attribute, bool isRequireScope, SemanticModel model, ref List<ScopeArgument>? results, CancellationToken cancellationToken)
    {
        if (attribute.ArgumentList is not { } arguments)
        {
            return;
        }

        var kind = isRequireScope ? ScopeArgumentKind.Scope : ScopeArgumentKind.Policy;
        var position = 0;
        foreach (var argument in arguments.Arguments)
        {
            // A constructor argument is positional or named with a colon (`anyOf:`, `policy:`); `Name =` sets a property.
            var isPositional = argument.NameEquals is null && argument.NameColon is null;
            var counts = isRequireScope
                ? argument.NameEquals is null
                : (isPositional && position == 0) || argument.NameColon?.Name.Identifier.ValueText == "policy" || argument.NameEquals?.Name.Identifier.ValueText == "Policy";
            if (isPositional)
            {
                position++;
            }

            if (counts)
            {
                // An explicit array for the params parameter: each element is a scope.
                var elements = argument.Expression switch
                {
                    ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
                    ImplicitArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
                    _ => default(SeparatedSyntaxList<ExpressionSyntax>?),
                };
                if (isRequireScope && argument.Expression is CollectionExpressionSyntax collection)
                {
                    // A C# 12 collection expression (["a", "b"]): each plain element is a scope.
                    foreach (var element in collection.Elements)
                    {
                        if (element is ExpressionElementSyntax expressionElement)
                        {
                            Add(expressionElement.Expression, model.GetConstantValue(expressionElement.Expression, cancellationToken), kind, ref results);
                        }
                    }
                }
                else if (isRequireScope && elements is { } items)
                {
                    foreach (var item in items)
                    {
                        Add(item, model.GetConstantValue(item, cancellationToken), kind, ref results);
                    }
                }
                else
                {
                    Add(argument.Expression, model.GetConstantValue(argument.Expression, cancellationToken), kind, ref results);
                }
            }
        }
    }

    /// <summary>
    /// The lambda or local function an operation declares (symbol actions do not visit them), if it is written
    /// with attributes. Asking a lambda for its attributes binds them, and most lambdas (LINQ's) have none.
    /// </summary>
    public static IMethodSymbol? DeclaredFunction(IOperation operation) => operation switch
    {
        IAnonymousFunctionOperation { Syntax: LambdaExpressionSyntax { AttributeLists.Count: > 0 } } lambda => lambda.Symbol,
        ILocalFunctionOperation { Syntax: LocalFunctionStatementSyntax { AttributeLists.Count: > 0 } } local => local.Symbol,
        _ => null,
    };

    /// <summary>
    /// The scope arguments of the <c>[RequireScope]</c> and <c>[Authorize]</c> attributes of a symbol, from the
    /// compiler's attribute data (bound once, cached on the symbol) paired with their syntax. Only an
    /// attribute whose syntax does not map onto its data (an explicit array) is bound again.
    /// </summary>
    public static void FromSymbolAttributes(ImmutableArray<AttributeData> attributes, Compilation compilation, KnownTypes types, ref List<ScopeArgument>? results, CancellationToken cancellationToken)
    {
        foreach (var data in attributes)
        {
            var roles = types.RolesOf(data.AttributeClass);
            var isRequireScope = (roles & AttributeRoles.RequireScope) != 0;
            if (isRequireScope || (roles & AttributeRoles.AuthorizeData) != 0)
            {
                FromOneAttribute(data, isRequireScope, compilation, types, ref results, cancellationToken);
            }
        }
    }

    /// <summary>The same, with the symbol's attributes already read: a lone <c>[RequireScope]</c>, the usual case, is taken as it is.</summary>
    public static void FromSymbolAttributes(in OwnAttributes own, Compilation compilation, KnownTypes types, ref List<ScopeArgument>? results, CancellationToken cancellationToken)
    {
        // Not `Roles == RequireScope`: the generated [RequireScope] is an [Authorize] too, so that never held.
        if (own.IsFirstRequireScopeTheOnlyAuthorization)
        {
            FromOneAttribute(own.FirstRequireScope!, isRequireScope: true, compilation, types, ref results, cancellationToken);
        }
        else
        {
            FromSymbolAttributes(own.Attributes, compilation, types, ref results, cancellationToken);
        }
    }

    private static void FromOneAttribute(AttributeData data, bool isRequireScope, Compilation compilation, KnownTypes types, ref List<ScopeArgument>? results, CancellationToken cancellationToken)
    {
        // Not `is not AttributeSyntax syntax`: a pattern variable used after a negated test is not definitely
        // assigned once Stryker rewrites the condition, and every mutant of the method would be dropped.
        var syntax = data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var arguments = syntax?.ArgumentList;
        if (syntax is null || arguments is null)
        {
            return;
        }

        if (!TryPairWithAttributeData(data, isRequireScope, arguments, ref results))
        {
#pragma warning disable RS1030 // Rare: an attribute written with an explicit array; binding it is the only way to pair values and syntax.
            FromAttribute(syntax, isRequireScope, compilation.GetSemanticModel(syntax.SyntaxTree), ref results, cancellationToken);
#pragma warning restore RS1030
        }
    }

    /// <summary>
    /// The scope arguments from the compiler's attribute data, paired with their syntax. False, adding nothing, when
    /// the syntax does not map one-to-one onto the data (an explicit array, a null array, an error), so the caller
    /// binds instead. The attribute is <c>[RequireScope]</c> when <paramref name="isRequireScope"/>, else
    /// <c>[Authorize]</c>-like. Internal for its tests: a refusal only costs a binding, but a wrong pairing would
    /// check one argument's value at another's syntax.
    /// </summary>
    internal static bool TryPairWithAttributeData(AttributeData data, bool isRequireScope, AttributeArgumentListSyntax arguments, ref List<ScopeArgument>? results)
    {
        // Checked first, then added: nothing is allocated for an attribute whose syntax does not match.
        // Constructor arguments: positional or named with a colon (`anyOf:`, `policy:`); `Name =` sets a property.
        var constructorArgumentCount = 0;
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameEquals is null)
            {
                constructorArgumentCount++;
                if (isRequireScope && (argument.Expression is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax || argument.Expression.IsKind(SyntaxKind.CollectionExpression)))
                {
                    return false;
                }
            }
        }

        var constructorArguments = data.ConstructorArguments;
        if (isRequireScope)
        {
            // A null array (RequireScope(null!)) has no Values at all: bind it instead.
            if (constructorArguments.Length != 1 || constructorArguments[0].Kind != TypedConstantKind.Array
                || constructorArguments[0].IsNull || constructorArguments[0].Values.IsDefault
                || constructorArguments[0].Values.Length != constructorArgumentCount)
            {
                return false;
            }

            var values = constructorArguments[0].Values;
            var i = 0;
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals is null)
                {
                    Add(argument.Expression, new Optional<object?>(values[i++].Value), ScopeArgumentKind.Scope, ref results);
                }
            }

            return true;
        }

        // TypedConstant.Value throws for an array (erroneous code such as [Authorize(new[] { "a" })]): bind those.
        if (constructorArgumentCount > 1 || constructorArgumentCount != constructorArguments.Length
            || (constructorArgumentCount == 1 && constructorArguments[0].Kind == TypedConstantKind.Array))
        {
            return false;
        }

        foreach (var named in data.NamedArguments)
        {
            if (named.Value.Kind == TypedConstantKind.Array)
            {
                return false;
            }
        }

        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameEquals is null)
            {
                Add(argument.Expression, new Optional<object?>(constructorArguments[0].Value), ScopeArgumentKind.Policy, ref results);
            }
            else if (argument.NameEquals?.Name.Identifier.ValueText == "Policy")
            {
                var value = data.NamedArguments.FirstOrDefault(pair => pair.Key == "Policy").Value;
                Add(argument.Expression, new Optional<object?>(value.Value), ScopeArgumentKind.Policy, ref results);
            }
        }

        return true;
    }

    /// <summary>The arguments of a call or object creation, if it is a scope or policy use.</summary>
    public static void FromOperation(IOperation operation, KnownTypes types, ref List<ScopeArgument>? results)
    {
        // Attributes are read from the symbols' attribute data, so operations inside them are skipped here.
        // That syntax check comes after the target checks: most invocations are of nothing relevant.
        switch (operation.Kind)
        {
            case OperationKind.Invocation:
                var invocation = (IInvocationOperation)operation;
                if (KnownTypes.IsRequireScopeMethod(invocation.TargetMethod))
                {
                    AddStrings(invocation.Arguments, ScopeArgumentKind.Scope, ref results);
                }
                else if (KnownTypes.IsRequireAuthorizationMethod(invocation.TargetMethod))
                {
                    AddStrings(invocation.Arguments, ScopeArgumentKind.Policy, ref results);
                }

                break;
            case OperationKind.ObjectCreation:
                var creation = (IObjectCreationOperation)operation;
                if (creation.Syntax is AttributeSyntax)
                {
                    // An attribute application (the driver runs operation actions on attributes too): read from its data.
                    break;
                }

                if (types.IsRequireScopeAttribute(creation.Type))
                {
                    if (!InAttribute(creation))
                    {
                        AddStrings(creation.Arguments, ScopeArgumentKind.Scope, ref results);
                    }
                }
                else if (types.IsAuthorizeAttribute(creation.Type) && !InAttribute(creation))
                {
                    AddStrings(creation.Arguments, ScopeArgumentKind.Policy, ref results);
                    if (creation.Initializer is { } initializer)
                    {
                        foreach (var member in initializer.Initializers)
                        {
                            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Policy" } } assignment)
                            {
                                Add(assignment.Value, ref results, ScopeArgumentKind.Policy);
                            }
                        }
                    }
                }

                break;
        }
    }

    /// <summary>Whether an operation stands inside an attribute (only object creations can: invocations are not constants).</summary>
    private static bool InAttribute(IOperation operation) => operation.Syntax.FirstAncestorOrSelf<AttributeSyntax>() is not null;

    /// <summary>The policy of an <c>[Authorize]</c>-like attribute, from its data (ctor argument or <c>Policy</c>).</summary>
    public static string? PolicyOf(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Policy" && named.Value.Kind != TypedConstantKind.Array && named.Value.Value is string policy)
            {
                return policy;
            }
        }

        return attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array
            && attribute.ConstructorArguments[0].Value is string ctorPolicy ? ctorPolicy : null;
    }

    private static void AddStrings(ImmutableArray<IArgumentOperation> arguments, ScopeArgumentKind kind, ref List<ScopeArgument>? results)
    {
        foreach (var argument in arguments)
        {
            var parameterType = argument.Parameter?.Type;
            if (parameterType is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String } && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    Add(element, ref results, kind);
                }
            }
            else if (parameterType is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String } && Unwrap(argument.Value).Syntax is CollectionExpressionSyntax)
            {
                // A C# 12 collection expression (["a", "b"]). Roslyn 4.8 has no operation interface for it;
                // its child operations are its elements (a spread element is not a scope and is skipped).
                foreach (var element in Unwrap(argument.Value).ChildOperations)
                {
                    if (element.Syntax.Parent is ExpressionElementSyntax)
                    {
                        Add(element, ref results, kind);
                    }
                }
            }
            else if (parameterType?.SpecialType == SpecialType.System_String && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                Add(argument.Value, ref results, kind);
            }
        }
    }

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    private static void Add(IOperation value, ref List<ScopeArgument>? results, ScopeArgumentKind kind)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        if (value.IsImplicit)
        {
            return;
        }

        Add(value.Syntax, value.ConstantValue, kind, ref results);
    }

    private static void Add(SyntaxNode syntax, Optional<object?> constant, ScopeArgumentKind kind, ref List<ScopeArgument>? results)
    {
        var value = constant.HasValue ? constant.Value as string : null;
        var unwrapped = syntax;
        while (unwrapped is ParenthesizedExpressionSyntax parenthesized)
        {
            unwrapped = parenthesized.Expression;
        }

        var isLiteral = unwrapped.IsKind(SyntaxKind.StringLiteralExpression);
        (results ??= new List<ScopeArgument>()).Add(new ScopeArgument(kind, syntax, value, isLiteral));
    }
}
