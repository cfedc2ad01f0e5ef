using Microsoft.CodeAnalysis;

namespace ScopeGen.Analyzers;

/// <summary>The rules of the analyzers. Each severity is a default: <c>.editorconfig</c> can change it.</summary>
internal static class DiagnosticDescriptors
{
    private const string Security = "ScopeGen.Security";
    private const string Usage = "ScopeGen.Usage";

    public static readonly DiagnosticDescriptor MissingScope = new(
        "SCOPE001",
        "Endpoint has no scope requirement",
        "Endpoint {0} has no scope requirement: add {1} (or {2} if it is public)",
        Security,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A controller action or minimal-API endpoint that neither requires a scope nor allows anonymous access is a hole that compiles: any authenticated caller, or anyone, reaches it.",
        helpLinkUri: RuleDocumentation.HelpLink("SCOPE001"));

    public static readonly DiagnosticDescriptor UndefinedScope = new(
        "SCOPE002",
        "Scope is not defined in the manifest",
        "'{0}' is not a {1} defined in the manifest{2}",
        Security,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A scope that the manifest does not define can never be granted by a key built from the manifest, so the endpoint is unreachable, or the name is a typo. A policy name one typo away from a preset or scope (RequireAuthorization(\"readonIy\")) names no registered policy and fails at run time.",
        helpLinkUri: RuleDocumentation.HelpLink("SCOPE002"));

    public static readonly DiagnosticDescriptor LiteralScope = new(
        "SCOPE003",
        "Scope written as a string literal",
        "Use the constant {0} instead of the string literal \"{1}\"",
        Usage,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "The generated constant is checked by the compiler and renamed with the manifest; a literal silently goes stale.",
        helpLinkUri: RuleDocumentation.HelpLink("SCOPE003"));

    public static readonly DiagnosticDescriptor UnenforcedScope = new(
        "SCOPE004",
        "Scope requirement the app never enforces",
        "{0}: call services.AddScopeAuthorization()",
        Security,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Reported once per project when no code calls AddScopeAuthorization(), the only registration of the policy provider that resolves scope requirements: on the first use of a scope or preset as a policy name the app does not register itself, else on the first [RequireScope] or .RequireScope(). Such endpoints answer 500 (policy not found); AddAuthorization, AddControllers, AddMvc or AddRazorPages do not register the provider.",
        helpLinkUri: RuleDocumentation.HelpLink("SCOPE004"),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor InterfaceScope = new(
        "SCOPE005",
        "Scope requirement on an interface member is ignored",
        "[RequireScope] on interface member '{0}' is never read: ASP.NET Core takes attributes from the implementing class and method, so put it there",
        Security,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Endpoint metadata comes from the class and method that implement an endpoint, never from the interfaces they implement: the endpoint is open, or covered only by something else.",
        helpLinkUri: RuleDocumentation.HelpLink("SCOPE005"));

    public static readonly DiagnosticDescriptor AnonymousOverridesScope = new(
        "SCOPE006",
        "AllowAnonymous from farther away overrides a scope requirement",
        "The scope requirement of '{0}' never runs: AllowAnonymous on {1} wins over every requirement of the endpoint, however near",
        Security,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "ASP.NET Core skips authorization when any AllowAnonymous metadata is on an endpoint, wherever it comes from (base class, controller, route group): a nearer scope requirement reads as protection but does nothing. The scope twin of ASP0026.",
        helpLinkUri: RuleDocumentation.HelpLink("SCOPE006"));

    public static readonly DiagnosticDescriptor NonEndpointScope = new(
        "SCOPE007",
        "Scope requirement on something that is not an endpoint",
        "[RequireScope] on '{0}' does nothing: it is {1}",
        Usage,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A scope requirement protects only an endpoint: on a method that MVC, SignalR or gRPC does not expose (not public, [NonAction], a lifetime callback), on a Razor Pages handler or on a FastEndpoints method it is never read.",
        helpLinkUri: RuleDocumentation.HelpLink("SCOPE007"));

    public static readonly DiagnosticDescriptor OrphanScope = new(
        "SCOPE008",
        "Scope that no endpoint requires",
        "No endpoint of this project requires '{0}': remove it, require it, or mark it 'reserved: true' in the manifest",
        Usage,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A scope the manifest declares but no endpoint requires (through [RequireScope], .RequireScope(), a scope or preset policy) is usually dead or forgotten. Reported once per scope at its line of the manifest, at compilation end, only in projects that have endpoints.",
        helpLinkUri: RuleDocumentation.HelpLink("SCOPE008"),
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
