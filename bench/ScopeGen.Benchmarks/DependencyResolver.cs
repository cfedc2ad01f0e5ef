using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace ScopeGen.Benchmarks;

internal static class DependencyResolver
{
    /// <summary>
    /// ScopeGen.Manifest.dll is in the output folder but not in deps.json: the generator and analyzer
    /// projects also return it from GetTargetPath (for analyzer references), and the SDK then drops it
    /// from this project's runtime dependencies. Resolve it from the folder, in every benchmark process.
    /// </summary>
    [ModuleInitializer]
    internal static void Register() =>
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
}
