using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScopeGen.Analyzers.Tests;

/// <summary>
/// What ScopeGen's analyzer asks of the driver before any compilation: concurrent execution (a large
/// solution's files are analyzed in parallel; without it the driver serializes every callback) and
/// generated code analyzed but never reported in (its own rule, GeneratedCode, keeps findings out).
/// </summary>
public class AnalyzerRegistrationTests
{
    [Fact]
    public void Asks_for_concurrent_execution_and_reports_in_generated_code_itself()
    {
        var context = new RecordingContext();
        new ScopeAnalyzer().Initialize(context);

        Assert.True(context.ConcurrentExecution);
        Assert.Equal(GeneratedCodeAnalysisFlags.ReportDiagnostics, context.GeneratedCode);
        Assert.Equal(1, context.CompilationStartActions);
    }

    private sealed class RecordingContext : AnalysisContext
    {
        public bool ConcurrentExecution { get; private set; }

        public GeneratedCodeAnalysisFlags? GeneratedCode { get; private set; }

        public int CompilationStartActions { get; private set; }

        public override void EnableConcurrentExecution() => ConcurrentExecution = true;

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCode = analysisMode;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStartActions++;

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unexpected();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unexpected();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, System.Collections.Immutable.ImmutableArray<SymbolKind> symbolKinds) => throw Unexpected();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unexpected();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unexpected();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unexpected();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, System.Collections.Immutable.ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unexpected();

        private static InvalidOperationException Unexpected() => new("ScopeAnalyzer registers everything from its compilation start action.");
    }
}
