namespace ScopeGen.Generator;

internal static class ThisAssembly
{
    /// <summary>The generator's version, as written into <c>[GeneratedCode]</c>.</summary>
    public static readonly string Version = typeof(ThisAssembly).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
