using System.Reflection;
using System.Runtime.CompilerServices;
using ScopeGen.Analyzers.Tests.Helpers;
using Xunit.v3;

[assembly: FreshAnalyzerCaches]

namespace ScopeGen.Analyzers.Tests.Helpers;

/// <summary>
/// Empties the analyzers' static caches before every test, so each test sees the analyzers as a new process does.
/// </summary>
/// <remarks>
/// The analyzers keep results across compilations in statics: the manifest index by content (<c>ScopeIndex</c>),
/// the actions of metadata base classes (<c>ControllerFacts</c>, keyed by symbols that Roslyn shares between
/// compilations with the same references), and spare buffers. Within one test process that is what the IDE gets.
/// Under Stryker's MTP runner, one test process runs the tests of many mutants in turn, and a cache filled while
/// one mutant was active would be read while the next one is: mutants of the cached code would seem killed or
/// survive by the order of the runs. Emptying the caches per test makes each result that of its own mutant.
/// Found by reflection (every static <see cref="ConditionalWeakTable{TKey, TValue}"/>, and every static field
/// that is neither readonly nor a value type, in the analyzers' namespace), so a cache the analyzers add later is emptied too.
/// [ThreadStatic] spares are emptied only on the test's thread; the analyzers return them cleared after use.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class FreshAnalyzerCachesAttribute : BeforeAfterTestAttribute
{
    // Only the analyzers' own types: the mutated assembly also holds Stryker's mutant switch, whose statics must stay.
    private static readonly (FieldInfo Field, MethodInfo? Clear)[] CacheFields = typeof(ScopeAnalyzer).Assembly.GetTypes()
        .Where(type => type.Namespace is not null && type.Namespace.StartsWith("ScopeGen.", StringComparison.Ordinal))
        .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        .Where(field => !field.IsLiteral && !field.FieldType.IsValueType && !IsCompilerGenerated(field))
        .Select(field => (field, IsWeakTable(field.FieldType) ? field.FieldType.GetMethod("Clear", Type.EmptyTypes) : null))
        .Where(entry => entry.Item2 is not null || !entry.field.IsInitOnly)
        .ToArray();

    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        foreach (var (field, clear) in CacheFields)
        {
            if (clear is not null)
            {
                clear.Invoke(field.GetValue(null), null);
            }
            else
            {
                field.SetValue(null, null);
            }
        }
    }

    private static bool IsWeakTable(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ConditionalWeakTable<,>);

    private static bool IsCompilerGenerated(FieldInfo field) => field.DeclaringType!.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);
}
