using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace OtherYaml.Analyzers;

/// <summary>Reports the settings of every <c>*.other.yaml</c> additional file, read with YamlDotNet.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SettingsAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Settings = new(
        "OTHER001", "Settings read", "Settings: {0}", "Other", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Settings);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(compilation =>
        {
            foreach (var file in compilation.Options.AdditionalFiles)
            {
                if (!file.Path.EndsWith(".other.yaml", StringComparison.OrdinalIgnoreCase) || file.GetText() is not { } text)
                {
                    continue;
                }

                var deserializer = new DeserializerBuilder().WithNodeDeserializer(new UpperCaseScalars(), where => where.OnTop()).Build();
                var settings = deserializer.Deserialize<Dictionary<string, string>>(new StringReader(text.ToString()));
                var summary = string.Join(",", settings.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value));
                var location = Location.Create(file.Path, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));
                compilation.ReportDiagnostic(Diagnostic.Create(Settings, location, summary));
            }
        });
    }

    /// <summary>Upper-cases every scalar: proof that this YamlDotNet build's interface is the one loaded.</summary>
    private sealed class UpperCaseScalars : INodeDeserializer
    {
        public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value)
        {
            if (expectedType == typeof(string) && reader.TryConsume<Scalar>(out var scalar))
            {
                value = scalar.Value.ToUpperInvariant();
                return true;
            }

            value = null;
            return false;
        }
    }
}
