using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace ScopeGen.Analyzers;

/// <summary>
/// Compares objects by identity (netstandard2.0 has no ReferenceEqualityComparer): for caches keyed by a
/// symbol's definition or a constant's string object, which hash far faster than by value.
/// </summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
