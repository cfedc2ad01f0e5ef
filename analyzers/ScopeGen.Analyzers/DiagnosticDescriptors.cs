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
        description: "Reported once per project: on the first scope requirement when nothing registers authorization services (AddAuthorization, AddAuthorizationCore, AddAuthorizationBuilder, AddScopeAuthorization, or MVC's AddControllers, AddControllersWithViews, AddMvc, AddRazorPages), or on the first use of a scope or preset as a policy name when AddScopeAuthorization, the only registration of those policies, is never called.",
        helpLinkUri: RuleDocumentation.HelpLink("SCOPE004"),
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
