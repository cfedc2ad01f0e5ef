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
        "Endpoint {0} has no scope requirement: add [RequireScope] (or [AllowAnonymous] if it is public)",
        Security,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A controller action or minimal-API endpoint that neither requires a scope nor allows anonymous access is a hole that compiles: any authenticated caller, or anyone, reaches it.",
        helpLinkUri: RuleDocumentation.HelpLink("SCOPE001"));

    public static readonly DiagnosticDescriptor UndefinedScope = new(
        "SCOPE002",
        "Scope is not defined in the manifest",
        "'{0}' is not a scope defined in the manifest{1}",
        Security,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A scope that the manifest does not define can never be granted by a key built from the manifest, so the endpoint is unreachable, or the name is a typo.",
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
        "This project requires scopes but registers no authorization services: call services.AddScopeAuthorization() (or AddAuthorization())",
        Security,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Reported once per project, on the first scope requirement, when no code in the project calls AddAuthorization or AddScopeAuthorization.",
        helpLinkUri: RuleDocumentation.HelpLink("SCOPE004"),
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
