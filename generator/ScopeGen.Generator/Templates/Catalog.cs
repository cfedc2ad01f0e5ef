// ScopeGen template, embedded in the generator and emitted inside every generated scope class (see
// ScopeSet.cs in this folder for the rules). The catalog is built from the private data fields the
// emitter writes beside it, once, on first use.
namespace ScopeGen.Templates
{
    internal static partial class ScopeClass
    {
        // <template>
        /// <summary>
        /// The manifest at run time: resources with their scopes, and presets, in manifest order, with
        /// descriptions and flags. Enough to render a scope picker or documentation without reflection.
        /// Everything here is immutable and built once, on first use.
        /// </summary>
        public static class Catalog
        {
            // Static fields initialize in this order: scopes before the resources that list them.
            private static readonly ScopeInfo[] scopes = CreateScopes();
            private static readonly ResourceInfo[] resources = CreateResources();
            private static readonly PresetInfo[] presets = CreatePresets();

            /// <summary>The resources, in manifest order.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<ResourceInfo> Resources { get; } = global::System.Array.AsReadOnly(resources);

            /// <summary>Every scope, in manifest order (the order of <c>All</c>).</summary>
            public static global::System.Collections.Generic.IReadOnlyList<ScopeInfo> AllScopes { get; } = global::System.Array.AsReadOnly(scopes);

            /// <summary>The presets, in manifest order.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<PresetInfo> Presets { get; } = global::System.Array.AsReadOnly(presets);

            /// <summary>The scope <paramref name="scope"/> (an exact, case-sensitive match), or null when the manifest does not define it.</summary>
            public static ScopeInfo/*?*/ FindScope(string/*?*/ scope)
            {
                if (scope == null)
                {
                    return null;
                }

                var sorted = global::System.Array.BinarySearch(SortedScopes, scope, global::System.StringComparer.Ordinal);
                return sorted >= 0 ? scopes[manifestIndexBySorted[sorted]] : null;
            }

            /// <summary>The preset named <paramref name="name"/> (as written in the manifest), or null when there is none.</summary>
            public static PresetInfo/*?*/ FindPreset(string/*?*/ name)
            {
                if (name == null)
                {
                    return null;
                }

                var sorted = global::System.Array.BinarySearch(sortedPresetNames, name, global::System.StringComparer.Ordinal);
                return sorted >= 0 ? presets[presetIndexBySorted[sorted]] : null;
            }

            private static ScopeInfo[] CreateScopes()
            {
                var result = new ScopeInfo[sortedIndexByManifest.Length];
                var deprecated = 0;
                var reserved = 0;
                for (var resource = 0; resource < resourceNames.Length; resource++)
                {
                    var name = resourceNames[resource];
                    var actionStart = name.Length + resourceSeparators[resource].Length;
                    for (var index = resourceScopeStarts[resource]; index < resourceScopeStarts[resource + 1]; index++)
                    {
                        var sorted = sortedIndexByManifest[index];
                        var value = SortedScopes[sorted];
                        var isDeprecated = deprecated < deprecatedScopes.Length && deprecatedScopes[deprecated] == index;
                        var isReserved = reserved < reservedScopes.Length && reservedScopes[reserved] == index;
                        result[index] = new ScopeInfo(
                            value,
                            name,
                            value.Substring(actionStart),
                            SortedDescriptions[sorted],
                            isDeprecated,
                            isDeprecated ? deprecationMessages[deprecated] : string.Empty,
                            isReserved);
                        if (isDeprecated)
                        {
                            deprecated++;
                        }

                        if (isReserved)
                        {
                            reserved++;
                        }
                    }
                }

                return result;
            }

            private static ResourceInfo[] CreateResources()
            {
                var result = new ResourceInfo[resourceNames.Length];
                for (var resource = 0; resource < result.Length; resource++)
                {
                    var start = resourceScopeStarts[resource];
                    var own = new ScopeInfo[resourceScopeStarts[resource + 1] - start];
                    global::System.Array.Copy(scopes, start, own, 0, own.Length);
                    result[resource] = new ResourceInfo(resourceNames[resource], resourceDescriptions[resource], global::System.Array.AsReadOnly(own));
                }

                return result;
            }

            private static PresetInfo[] CreatePresets()
            {
                var result = new PresetInfo[presetNames.Length];
                for (var preset = 0; preset < result.Length; preset++)
                {
                    var indexes = presetScopes[preset];
                    var values = new string[indexes.Length];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = SortedScopes[sortedIndexByManifest[indexes[i]]];
                    }

                    result[preset] = new PresetInfo(presetNames[preset], presetDescriptions[preset], global::System.Array.AsReadOnly(values), ScopeSet.OfPreset(preset));
                }

                return result;
            }

            /// <summary>One scope of the manifest: a resource's action.</summary>
            public sealed class ScopeInfo
            {
                internal ScopeInfo(string value, string resource, string action, string description, bool isDeprecated, string deprecationMessage, bool isReserved)
                {
                    Value = value;
                    Resource = resource;
                    Action = action;
                    Description = description;
                    IsDeprecated = isDeprecated;
                    DeprecationMessage = deprecationMessage;
                    IsReserved = isReserved;
                }

                /// <summary>The scope string, e.g. <c>workflow:read</c>: what keys and tokens carry.</summary>
                public string Value { get; }

                /// <summary>The name of its resource, as written in the manifest (<c>workflow</c>).</summary>
                public string Resource { get; }

                /// <summary>The action name, as written in the manifest (<c>read</c>).</summary>
                public string Action { get; }

                /// <summary>The manifest's description; empty when it has none.</summary>
                public string Description { get; }

                /// <summary>Whether the manifest marks the scope <c>deprecated</c>: still valid, but not to be granted anew.</summary>
                public bool IsDeprecated { get; }

                /// <summary>The manifest's deprecation text; empty when the scope is not deprecated or the manifest gives none.</summary>
                public string DeprecationMessage { get; }

                /// <summary>Whether the manifest marks the scope <c>reserved</c>: defined, but no endpoint requires it yet.</summary>
                public bool IsReserved { get; }

                /// <summary>The scope string.</summary>
                public override string ToString() => Value;
            }

            /// <summary>A resource of the manifest and its scopes.</summary>
            public sealed class ResourceInfo
            {
                internal ResourceInfo(string name, string description, global::System.Collections.Generic.IReadOnlyList<ScopeInfo> scopes)
                {
                    Name = name;
                    Description = description;
                    Scopes = scopes;
                }

                /// <summary>The resource name, as written in the manifest (<c>workflow</c>).</summary>
                public string Name { get; }

                /// <summary>The manifest's description; empty when it has none.</summary>
                public string Description { get; }

                /// <summary>Its scopes (one per action), in manifest order.</summary>
                public global::System.Collections.Generic.IReadOnlyList<ScopeInfo> Scopes { get; }

                /// <summary>The resource name.</summary>
                public override string ToString() => Name;
            }

            /// <summary>A preset of the manifest: a named bundle of scopes, with its patterns expanded.</summary>
            public sealed class PresetInfo
            {
                internal PresetInfo(string name, string description, global::System.Collections.Generic.IReadOnlyList<string> scopes, ScopeSet scopeSet)
                {
                    Name = name;
                    Description = description;
                    Scopes = scopes;
                    ScopeSet = scopeSet;
                }

                /// <summary>The preset name, as written in the manifest (<c>readOnly</c>).</summary>
                public string Name { get; }

                /// <summary>The manifest's description; empty when it has none.</summary>
                public string Description { get; }

                /// <summary>Its scopes, in manifest order.</summary>
                public global::System.Collections.Generic.IReadOnlyList<string> Scopes { get; }

                /// <summary>Its scopes as a set, e.g. to check that a requested grant stays within the preset.</summary>
                public ScopeSet ScopeSet { get; }

                /// <summary>The preset name.</summary>
                public override string ToString() => Name;
            }
        }
        // </template>
    }
}
