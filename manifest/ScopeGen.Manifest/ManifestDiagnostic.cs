namespace ScopeGen.Manifest;

/// <summary>How serious a manifest diagnostic is; maps one-to-one to Roslyn's severities.</summary>
public enum ManifestSeverity
{
    /// <summary>Informational.</summary>
    Info,

    /// <summary>A warning: the manifest still generates everything.</summary>
    Warning,

    /// <summary>An error: the offending part is left out of the generated code.</summary>
    Error,
}

/// <summary>A problem found in a manifest, located at a span of the manifest file.</summary>
/// <param name="Id">The rule id, for example <c>SCOPE102</c>.</param>
/// <param name="Severity">The rule's default severity.</param>
/// <param name="Message">The message, already formatted.</param>
/// <param name="FilePath">The manifest file the span belongs to.</param>
/// <param name="Span">Where in the file.</param>
public sealed record ManifestDiagnostic(string Id, ManifestSeverity Severity, string Message, string FilePath, SourceSpan Span)
{
    /// <summary>Formats the diagnostic as MSBuild does: <c>file(line,col): error SCOPE102: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            ManifestSeverity.Error => "error",
            ManifestSeverity.Warning => "warning",
            _ => "info",
        };
        return $"{FilePath}{Span}: {severity} {Id}: {Message}";
    }
}

/// <summary>One manifest rule: its id, title, message format and default severity.</summary>
public sealed class ManifestRule
{
    internal ManifestRule(string id, string title, string messageFormat, ManifestSeverity severity)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Severity = severity;
    }

    /// <summary>The rule id, for example <c>SCOPE101</c>.</summary>
    public string Id { get; }

    /// <summary>A short title.</summary>
    public string Title { get; }

    /// <summary>A <see cref="string.Format(string, object[])"/> format for the message.</summary>
    public string MessageFormat { get; }

    /// <summary>The default severity.</summary>
    public ManifestSeverity Severity { get; }

    /// <summary>Creates a diagnostic of this rule at <paramref name="span"/> of <paramref name="filePath"/>.</summary>
    public ManifestDiagnostic Create(string filePath, SourceSpan span, params object[] args) =>
        new(Id, Severity, string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args), filePath, Ordered(span));

    /// <summary>A span whose end is never before its start: Roslyn throws on such a location, failing the generator.</summary>
    private static SourceSpan Ordered(SourceSpan span)
    {
        if (span.EndLine < span.StartLine || (span.EndLine == span.StartLine && span.EndColumn < span.StartColumn))
        {
            span = span with { EndLine = span.StartLine, EndColumn = span.StartColumn };
        }

        return span.EndOffset < span.StartOffset ? span with { EndOffset = span.StartOffset } : span;
    }
}

/// <summary>
/// The single list of manifest rules (SCOPE1xx). The generator turns each into a Roslyn
/// <c>DiagnosticDescriptor</c>, the command-line tool prints them as they are.
/// </summary>
public static class ManifestRules
{
    /// <summary>The manifest is not readable YAML.</summary>
    public static readonly ManifestRule YamlSyntax = new("SCOPE100", "Invalid YAML in scope manifest", "{0}", ManifestSeverity.Error);

    /// <summary>A key the manifest format does not define.</summary>
    public static readonly ManifestRule UnknownKey = new("SCOPE101", "Unknown key in scope manifest", "Unknown key '{0}' in {1}{2}", ManifestSeverity.Error);

    /// <summary>A resource, action, preset or key defined twice.</summary>
    public static readonly ManifestRule Duplicate = new("SCOPE102", "Duplicate definition in scope manifest", "Duplicate {0} '{1}'{2}", ManifestSeverity.Error);

    /// <summary>A resource, action or preset name outside <c>[A-Za-z][A-Za-z0-9_-]*</c>.</summary>
    public static readonly ManifestRule InvalidName = new("SCOPE103", "Invalid name in scope manifest", "'{0}' is not a valid {1} name: a name starts with a letter, contains only letters, digits, '_' and '-', and has at most {2} characters", ManifestSeverity.Error);

    /// <summary>Two names that become the same C# identifier, or a name that becomes a reserved member.</summary>
    public static readonly ManifestRule IdentifierCollision = new("SCOPE104", "Names map to the same C# identifier", "{0} '{1}' maps to the C# identifier '{2}', which {3}", ManifestSeverity.Error);

    /// <summary>A preset entry naming an undefined scope, or a pattern matching nothing.</summary>
    public static readonly ManifestRule PresetEntryUnresolved = new("SCOPE105", "Preset entry matches no scope", "Preset '{0}': {1}", ManifestSeverity.Error);

    /// <summary>A resource that defines no scopes.</summary>
    public static readonly ManifestRule ResourceWithoutActions = new("SCOPE106", "Resource has no actions", "Resource '{0}' has no actions, so it defines no scopes", ManifestSeverity.Warning);

    /// <summary>An unsupported version, bad separator, namespace or class name.</summary>
    public static readonly ManifestRule InvalidSetting = new("SCOPE107", "Invalid manifest setting", "{0}", ManifestSeverity.Error);

    /// <summary>A YAML feature the manifest format refuses: anchors, aliases, tags, complex keys, several documents, deep nesting.</summary>
    public static readonly ManifestRule UnsupportedYaml = new("SCOPE108", "Unsupported YAML feature in scope manifest", "{0}", ManifestSeverity.Error);

    /// <summary>A value of the wrong shape: a scalar where a mapping is expected, and so on.</summary>
    public static readonly ManifestRule WrongShape = new("SCOPE109", "Value has the wrong shape", "{0}", ManifestSeverity.Error);

    /// <summary>A <c>renamedFrom</c> entry that cannot stand: a live scope, the scope itself, a cycle, another action's former name, or not a scope string.</summary>
    public static readonly ManifestRule InvalidRename = new("SCOPE110", "Invalid scope rename", "{0}", ManifestSeverity.Error);

    /// <summary>Every rule, in id order.</summary>
    public static ManifestRule[] All { get; } =
    {
        YamlSyntax, UnknownKey, Duplicate, InvalidName, IdentifierCollision, PresetEntryUnresolved,
        ResourceWithoutActions, InvalidSetting, UnsupportedYaml, WrongShape, InvalidRename,
    };
}
