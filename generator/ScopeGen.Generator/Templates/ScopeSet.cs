// ScopeGen template, embedded in the generator and emitted inside every generated scope class (see
// ScopesEmitter and EmbeddedTemplates). Only the lines between the template markers are emitted;
// "/*?*/" becomes "?" when the consumer's C# has nullable annotations (C# 8+) and stays a comment for
// C# 7.3. The manifest's data comes from the private fields the emitter writes beside it
// (SortedScopes, manifestIndexBySorted, sortedIndexByManifest, presetScopes, sortedFormerScopes,
// currentIndexOfSortedFormer, ...): nothing in this file
// depends on a manifest. The code must compile as C# 7.3 on netstandard2.0, warning-free with nullable
// enabled, under checked arithmetic, with only System.Runtime referenced.
namespace ScopeGen.Templates
{
    internal static partial class ScopeClass
    {
        // <template>
        /// <summary>
        /// An immutable set of this class's scopes: what an API key or token was granted. Parse it from the
        /// space-delimited form (<c>"workflow:read workflow:list"</c>) or from a list; unknown scopes are
        /// reported by name with the closest defined one. Duplicates collapse, <c>ToString()</c> writes the
        /// scopes space-delimited in manifest order, so a stored grant has one canonical text.
        /// A former name of a renamed scope (the manifest's <c>renamedFrom</c>) parses as the scope it was
        /// renamed to, so re-saving <c>ToString()</c> of a grant stored before a rename migrates it.
        /// </summary>
        /// <remarks>
        /// A bit set over the manifest's scopes: <c>Contains</c> is a hash lookup without allocation,
        /// set operations work a word (64 scopes) at a time, and a set allocates one <c>ulong</c> array
        /// (none when empty). <c>default(ScopeSet)</c> is the empty set.
        /// </remarks>
        public readonly struct ScopeSet : global::System.IEquatable<ScopeSet>, global::System.Collections.Generic.IReadOnlyCollection<string>
        {
            private const int BitsPerWord = 64;

            // Static fields initialize in this order: the word count comes first.
            private static readonly int wordCount = (manifestIndexBySorted.Length + BitsPerWord - 1) / BitsPerWord;

            // An open-addressing hash table of the scopes and of their former names (renamedFrom), a power of
            // two, at most half full. A former name's slot holds the index of the scope it was renamed to, so
            // normalizing costs nothing beyond the lookup. It looks up a piece of the input in place, which a
            // Dictionary cannot do without a substring on netstandard2.0.
            private static readonly Slot[] table = CreateTable();
            private static readonly ScopeSet all = CreateAll();
            private static readonly ulong[]/*?*/[] presetWords = CreatePresetWords();

            /// <summary>Null for the empty set; otherwise <c>wordCount</c> words with at least one bit set. Never changed after construction.</summary>
            private readonly ulong[]/*?*/ words;

            private ScopeSet(ulong[]/*?*/ words)
            {
                this.words = words;
            }

            /// <summary>What parsing accepts besides scopes.</summary>
            [global::System.Flags]
            public enum ParseOptions
            {
                /// <summary>Only scopes; a preset name is an error.</summary>
                None = 0,

                /// <summary>A preset name (as written in the manifest) stands for the scopes of that preset.</summary>
                ExpandPresets = 1,
            }

            /// <summary>The empty set (the same as <c>default(ScopeSet)</c>).</summary>
            public static ScopeSet Empty => default(ScopeSet);

            /// <summary>Every scope the manifest defines, deprecated ones included.</summary>
            public static ScopeSet All => all;

            /// <summary>The number of scopes in the set.</summary>
            public int Count
            {
                get
                {
                    var count = 0;
                    if (words != null)
                    {
                        for (var i = 0; i < words.Length; i++)
                        {
                            count += PopCount(words[i]);
                        }
                    }

                    return count;
                }
            }

            /// <summary>Whether the set holds no scope.</summary>
            public bool IsEmpty => words == null;

            /// <summary>
            /// Parses scopes separated by spaces (tabs and line breaks also separate; empty entries are
            /// skipped). Duplicates collapse; order does not matter. A former name of a renamed scope stands
            /// for the scope it was renamed to.
            /// </summary>
            /// <param name="scopes">The scopes, e.g. <c>"workflow:read workflow:list"</c>; an empty string gives the empty set.</param>
            /// <param name="options">Whether preset names expand to their scopes.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="scopes"/> is null.</exception>
            /// <exception cref="global::System.FormatException">An entry is not a defined scope; the message names every such entry and the closest defined scope.</exception>
            public static ScopeSet Parse(string scopes, ParseOptions options = ParseOptions.None)
            {
                if (scopes == null)
                {
                    throw new global::System.ArgumentNullException(nameof(scopes));
                }

                global::System.Collections.Generic.List<ParseError>/*?*/ errors = null;
                var result = ParseText(scopes, options, ref errors);
                if (errors != null)
                {
                    throw new global::System.FormatException(FormatMessage(errors));
                }

                return result;
            }

            /// <summary>Parses a list with one scope per entry (no separators inside an entry). Duplicates collapse; order does not matter; a former name stands for the scope it was renamed to.</summary>
            /// <param name="scopes">The scopes, e.g. from a JSON array.</param>
            /// <param name="options">Whether preset names expand to their scopes.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="scopes"/> is null.</exception>
            /// <exception cref="global::System.FormatException">An entry is null or not a defined scope; the message names every such entry and the closest defined scope.</exception>
            public static ScopeSet Parse(global::System.Collections.Generic.IEnumerable<string> scopes, ParseOptions options = ParseOptions.None)
            {
                if (scopes == null)
                {
                    throw new global::System.ArgumentNullException(nameof(scopes));
                }

                global::System.Collections.Generic.List<ParseError>/*?*/ errors = null;
                var result = ParseList(scopes, options, ref errors);
                if (errors != null)
                {
                    throw new global::System.FormatException(FormatMessage(errors));
                }

                return result;
            }

            /// <summary>Parses space-separated scopes, as <c>Parse(string, ParseOptions)</c> does without presets, but returns false instead of throwing.</summary>
            /// <param name="scopes">The scopes; null gives false.</param>
            /// <param name="result">The defined scopes found, even when the method returns false.</param>
            public static bool TryParse(string/*?*/ scopes, out ScopeSet result)
            {
                global::System.Collections.Generic.IReadOnlyList<ParseError> errors;
                return TryParse(scopes, ParseOptions.None, out result, out errors);
            }

            /// <summary>Parses space-separated scopes, as <c>Parse(string, ParseOptions)</c> does, but returns every problem instead of throwing.</summary>
            /// <param name="scopes">The scopes; null gives false with one error.</param>
            /// <param name="options">Whether preset names expand to their scopes.</param>
            /// <param name="result">The defined scopes found, even when the method returns false (so a stored grant can drop what the manifest no longer defines).</param>
            /// <param name="errors">One entry per entry that is not a defined scope, in input order; empty on success.</param>
            public static bool TryParse(string/*?*/ scopes, ParseOptions options, out ScopeSet result, out global::System.Collections.Generic.IReadOnlyList<ParseError> errors)
            {
                global::System.Collections.Generic.List<ParseError>/*?*/ found = null;
                if (scopes == null)
                {
                    found = new global::System.Collections.Generic.List<ParseError> { new ParseError(string.Empty, 0, null, "No scopes were given (null).") };
                    result = default(ScopeSet);
                }
                else
                {
                    result = ParseText(scopes, options, ref found);
                }

                return Finish(found, out errors);
            }

            /// <summary>Parses a list with one scope per entry, as <c>Parse(IEnumerable&lt;string&gt;, ParseOptions)</c> does without presets, but returns false instead of throwing.</summary>
            /// <param name="scopes">The scopes; null gives false.</param>
            /// <param name="result">The defined scopes found, even when the method returns false.</param>
            public static bool TryParse(global::System.Collections.Generic.IEnumerable<string>/*?*/ scopes, out ScopeSet result)
            {
                global::System.Collections.Generic.IReadOnlyList<ParseError> errors;
                return TryParse(scopes, ParseOptions.None, out result, out errors);
            }

            /// <summary>Parses a list with one scope per entry, as <c>Parse(IEnumerable&lt;string&gt;, ParseOptions)</c> does, but returns every problem instead of throwing.</summary>
            /// <param name="scopes">The scopes; null gives false with one error.</param>
            /// <param name="options">Whether preset names expand to their scopes.</param>
            /// <param name="result">The defined scopes found, even when the method returns false.</param>
            /// <param name="errors">One entry per entry that is null or not a defined scope, in input order; empty on success.</param>
            public static bool TryParse(global::System.Collections.Generic.IEnumerable<string>/*?*/ scopes, ParseOptions options, out ScopeSet result, out global::System.Collections.Generic.IReadOnlyList<ParseError> errors)
            {
                global::System.Collections.Generic.List<ParseError>/*?*/ found = null;
                if (scopes == null)
                {
                    found = new global::System.Collections.Generic.List<ParseError> { new ParseError(string.Empty, 0, null, "No scopes were given (null).") };
                    result = default(ScopeSet);
                }
                else
                {
                    result = ParseList(scopes, options, ref found);
                }

                return Finish(found, out errors);
            }

            /// <summary>
            /// Whether the set holds <paramref name="scope"/>: an exact, case-sensitive match. Allocates nothing.
            /// A former name of a renamed scope counts as that scope (true when the set holds the scope it was
            /// renamed to), as parsing and the run-time scope check treat it.
            /// </summary>
            public bool Contains(string/*?*/ scope)
            {
                if (words == null || scope == null)
                {
                    return false;
                }

                var index = FindScope(scope);
                return index >= 0 && HasBit(words, index);
            }

            /// <summary>Whether every scope of this set is also in <paramref name="other"/> (true for the empty set).</summary>
            public bool IsSubsetOf(ScopeSet other)
            {
                if (words == null)
                {
                    return true;
                }

                for (var i = 0; i < words.Length; i++)
                {
                    if ((words[i] & ~other.Word(i)) != 0)
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <summary>Whether this set holds every scope of <paramref name="other"/>: e.g. whether a grant covers what a request asks for.</summary>
            public bool IsSupersetOf(ScopeSet other) => other.IsSubsetOf(this);

            /// <summary>Whether the two sets share at least one scope.</summary>
            public bool Overlaps(ScopeSet other)
            {
                if (words == null || other.words == null)
                {
                    return false;
                }

                for (var i = 0; i < words.Length; i++)
                {
                    if ((words[i] & other.words[i]) != 0)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The scopes in either set.</summary>
            public ScopeSet Union(ScopeSet other)
            {
                if (other.words == null)
                {
                    return this;
                }

                if (words == null)
                {
                    return other;
                }

                var result = new ulong[wordCount];
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = words[i] | other.words[i];
                }

                return new ScopeSet(result);
            }

            /// <summary>The scopes in both sets: e.g. what a user may grant of what was asked.</summary>
            public ScopeSet Intersect(ScopeSet other)
            {
                if (words == null || other.words == null)
                {
                    return default(ScopeSet);
                }

                var result = new ulong[wordCount];
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = words[i] & other.words[i];
                }

                return new ScopeSet(NullIfEmpty(result));
            }

            /// <summary>The scopes of this set that are not in <paramref name="other"/>: e.g. what was asked beyond what may be granted.</summary>
            public ScopeSet Except(ScopeSet other)
            {
                if (words == null || other.words == null)
                {
                    return this;
                }

                var result = new ulong[wordCount];
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = words[i] & ~other.words[i];
                }

                return new ScopeSet(NullIfEmpty(result));
            }

            /// <summary>The scopes, space-delimited, in manifest order, by their current names: the canonical text to store. Empty for the empty set.</summary>
            public override string ToString()
            {
                if (words == null)
                {
                    return string.Empty;
                }

                // string.Join measures the parts first and allocates the result once.
                var parts = new string[Count];
                var enumerator = GetEnumerator();
                for (var i = 0; enumerator.MoveNext(); i++)
                {
                    parts[i] = enumerator.Current;
                }

                return string.Join(" ", parts);
            }

            /// <summary>Enumerates the scopes in manifest order, without allocating.</summary>
            public Enumerator GetEnumerator() => new Enumerator(words);

            global::System.Collections.Generic.IEnumerator<string> global::System.Collections.Generic.IEnumerable<string>.GetEnumerator() => GetEnumerator();

            global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

            /// <summary>Whether both sets hold the same scopes.</summary>
            public bool Equals(ScopeSet other)
            {
                for (var i = 0; i < wordCount; i++)
                {
                    if (Word(i) != other.Word(i))
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <inheritdoc/>
            public override bool Equals(object/*?*/ obj) => obj is ScopeSet other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode()
            {
                unchecked
                {
                    // FNV-1a over the words: equal sets have equal words, so equal hashes.
                    var hash = 14695981039346656037UL;
                    if (words != null)
                    {
                        for (var i = 0; i < words.Length; i++)
                        {
                            hash = (hash ^ words[i]) * 1099511628211UL;
                        }
                    }

                    return (int)(hash ^ (hash >> 32));
                }
            }

            /// <summary>Whether both sets hold the same scopes.</summary>
            public static bool operator ==(ScopeSet left, ScopeSet right) => left.Equals(right);

            /// <summary>Whether the sets differ.</summary>
            public static bool operator !=(ScopeSet left, ScopeSet right) => !left.Equals(right);

            /// <summary>The set of one preset's scopes (used by the catalog).</summary>
            internal static ScopeSet OfPreset(int presetIndex) => new ScopeSet(presetWords[presetIndex]);

            private ulong Word(int index) => words == null ? 0UL : words[index];

            private static ScopeSet ParseText(string text, ParseOptions options, ref global::System.Collections.Generic.List<ParseError>/*?*/ errors)
            {
                ulong[]/*?*/ result = null;
                var position = 0;
                while (position < text.Length)
                {
                    if (IsSeparator(text[position]))
                    {
                        position++;
                        continue;
                    }

                    var start = position;
                    while (position < text.Length && !IsSeparator(text[position]))
                    {
                        position++;
                    }

                    if (!TryAdd(ref result, text, start, position - start, options))
                    {
                        AddError(ref errors, Unknown(text.Substring(start, position - start), start, options));
                    }
                }

                return new ScopeSet(result);
            }

            private static ScopeSet ParseList(global::System.Collections.Generic.IEnumerable<string> scopes, ParseOptions options, ref global::System.Collections.Generic.List<ParseError>/*?*/ errors)
            {
                ulong[]/*?*/ result = null;
                var position = 0;
                foreach (var scope in scopes)
                {
                    if (scope == null)
                    {
                        AddError(ref errors, new ParseError(string.Empty, position, null, "Entry " + position.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " is null, not a scope."));
                    }
                    else if (!TryAdd(ref result, scope, 0, scope.Length, options))
                    {
                        AddError(ref errors, Unknown(scope, position, options));
                    }

                    position++;
                }

                return new ScopeSet(result);
            }

            /// <summary>Adds the scope, or with <see cref="ParseOptions.ExpandPresets"/> the preset, named by <c>text[start..start+length)</c>.</summary>
            private static bool TryAdd(ref ulong[]/*?*/ result, string text, int start, int length, ParseOptions options)
            {
                var index = FindScope(text, start, length);
                if (index >= 0)
                {
                    if (result == null)
                    {
                        result = new ulong[wordCount];
                    }

                    result[index / BitsPerWord] |= 1UL << (index % BitsPerWord);
                    return true;
                }

                if ((options & ParseOptions.ExpandPresets) == 0)
                {
                    return false;
                }

                var preset = FindSorted(sortedPresetNames, text, start, length);
                if (preset < 0)
                {
                    return false;
                }

                var scopes = presetWords[presetIndexBySorted[preset]];
                if (scopes != null)
                {
                    if (result == null)
                    {
                        result = new ulong[wordCount];
                    }

                    for (var i = 0; i < result.Length; i++)
                    {
                        result[i] |= scopes[i];
                    }
                }

                return true;
            }

            /// <summary>The manifest index of the scope <c>text[start..start+length)</c>, or -1: a hash lookup without taking a substring.</summary>
            private static int FindScope(string text, int start, int length)
            {
                var mask = table.Length - 1;
                for (var slot = Hash(text, start, length) & mask; ; slot = (slot + 1) & mask)
                {
                    var candidate = table[slot].Scope;
                    if (candidate == null)
                    {
                        return -1;
                    }

                    if (candidate.Length == length && string.CompareOrdinal(candidate, 0, text, start, length) == 0)
                    {
                        return table[slot].Index;
                    }
                }
            }

            /// <summary>The manifest index of <paramref name="scope"/>, or -1 (the hot path of <c>Contains</c>: a constant usually matches by reference).</summary>
            private static int FindScope(string scope)
            {
                var mask = table.Length - 1;
                for (var slot = Hash(scope, 0, scope.Length) & mask; ; slot = (slot + 1) & mask)
                {
                    var candidate = table[slot].Scope;
                    if (candidate == null)
                    {
                        return -1;
                    }

                    if (string.Equals(candidate, scope))
                    {
                        return table[slot].Index;
                    }
                }
            }

            /// <summary>FNV-1a over the characters: the table is built from the manifest, so its chains are short whatever the input.</summary>
            private static int Hash(string text, int start, int length)
            {
                unchecked
                {
                    var hash = 2166136261U;
                    for (var i = start; i < start + length; i++)
                    {
                        hash = (hash ^ text[i]) * 16777619U;
                    }

                    return (int)(hash & 0x7FFFFFFFU);
                }
            }

            private static Slot[] CreateTable()
            {
                var count = manifestIndexBySorted.Length;
                var size = 2;
                while (size < (count + sortedFormerScopes.Length) * 2)
                {
                    size <<= 1;
                }

                var result = new Slot[size];
                for (var index = 0; index < count; index++)
                {
                    Insert(result, SortedScopes[sortedIndexByManifest[index]], index);
                }

                // The manifest guarantees a former name is no live scope and leads to one scope only, so no
                // key is inserted twice.
                for (var former = 0; former < sortedFormerScopes.Length; former++)
                {
                    Insert(result, sortedFormerScopes[former], currentIndexOfSortedFormer[former]);
                }

                return result;
            }

            private static void Insert(Slot[] slots, string scope, int index)
            {
                var mask = slots.Length - 1;
                var slot = Hash(scope, 0, scope.Length) & mask;
                while (slots[slot].Scope != null)
                {
                    slot = (slot + 1) & mask;
                }

                slots[slot] = new Slot(scope, index);
            }

            /// <summary>Binary search of <c>text[start..start+length)</c> in an ordinally sorted array, without taking a substring.</summary>
            private static int FindSorted(string[] sorted, string text, int start, int length)
            {
                var low = 0;
                var high = sorted.Length - 1;
                while (low <= high)
                {
                    var middle = low + ((high - low) >> 1);
                    var candidate = sorted[middle];
                    var common = candidate.Length < length ? candidate.Length : length;
                    var order = string.CompareOrdinal(candidate, 0, text, start, common);
                    if (order == 0)
                    {
                        order = candidate.Length - length;
                    }

                    if (order == 0)
                    {
                        return middle;
                    }

                    if (order < 0)
                    {
                        low = middle + 1;
                    }
                    else
                    {
                        high = middle - 1;
                    }
                }

                return -1;
            }

            private static bool IsSeparator(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r';

            private static bool HasBit(ulong[] words, int index) => (words[index / BitsPerWord] & (1UL << (index % BitsPerWord))) != 0;

            private static ulong[]/*?*/ NullIfEmpty(ulong[] words)
            {
                for (var i = 0; i < words.Length; i++)
                {
                    if (words[i] != 0)
                    {
                        return words;
                    }
                }

                return null;
            }

            private static int PopCount(ulong value)
            {
                unchecked
                {
                    value -= (value >> 1) & 0x5555555555555555UL;
                    value = (value & 0x3333333333333333UL) + ((value >> 2) & 0x3333333333333333UL);
                    value = (value + (value >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
                    return (int)((value * 0x0101010101010101UL) >> 56);
                }
            }

            private static int TrailingZeroCount(ulong value)
            {
                var count = 0;
                if ((value & 0xFFFFFFFFUL) == 0) { count += 32; value >>= 32; }
                if ((value & 0xFFFFUL) == 0) { count += 16; value >>= 16; }
                if ((value & 0xFFUL) == 0) { count += 8; value >>= 8; }
                if ((value & 0xFUL) == 0) { count += 4; value >>= 4; }
                if ((value & 0x3UL) == 0) { count += 2; value >>= 2; }
                if ((value & 0x1UL) == 0) { count += 1; }
                return count;
            }

            private static ScopeSet CreateAll()
            {
                if (wordCount == 0)
                {
                    return default(ScopeSet);
                }

                var result = new ulong[wordCount];
                for (var index = 0; index < manifestIndexBySorted.Length; index++)
                {
                    result[index / BitsPerWord] |= 1UL << (index % BitsPerWord);
                }

                return new ScopeSet(result);
            }

            private static ulong[]/*?*/[] CreatePresetWords()
            {
                var result = new ulong[presetScopes.Length][];
                for (var preset = 0; preset < presetScopes.Length; preset++)
                {
                    var indexes = presetScopes[preset];
                    if (indexes.Length == 0)
                    {
                        continue;
                    }

                    var bits = new ulong[wordCount];
                    for (var i = 0; i < indexes.Length; i++)
                    {
                        bits[indexes[i] / BitsPerWord] |= 1UL << (indexes[i] % BitsPerWord);
                    }

                    result[preset] = bits;
                }

                return result;
            }

            private static void AddError(ref global::System.Collections.Generic.List<ParseError>/*?*/ errors, ParseError error)
            {
                if (errors == null)
                {
                    errors = new global::System.Collections.Generic.List<ParseError>();
                }

                errors.Add(error);
            }

            private static bool Finish(global::System.Collections.Generic.List<ParseError>/*?*/ found, out global::System.Collections.Generic.IReadOnlyList<ParseError> errors)
            {
                if (found == null)
                {
                    errors = global::System.Array.Empty<ParseError>();
                    return true;
                }

                errors = found.AsReadOnly();
                return false;
            }

            /// <summary>The error for an entry that names no scope (and no preset, when presets expand): with the closest name, if one is close.</summary>
            private static ParseError Unknown(string text, int position, ParseOptions options)
            {
                var expandPresets = (options & ParseOptions.ExpandPresets) != 0;
                if (!expandPresets && FindSorted(sortedPresetNames, text, 0, text.Length) >= 0)
                {
                    return new ParseError(text, position, null, "'" + text + "' is a preset, not a scope; parse with ParseOptions.ExpandPresets to expand it.");
                }

                string/*?*/ closest = null;
                var bestDistance = int.MaxValue;
                var limit = global::System.Math.Max(1, global::System.Math.Min(3, text.Length / 3));
                var lowered = text.ToLowerInvariant();
                for (var index = 0; index < sortedIndexByManifest.Length; index++)
                {
                    Consider(SortedScopes[sortedIndexByManifest[index]], lowered, limit, ref closest, ref bestDistance);
                }

                if (expandPresets)
                {
                    for (var preset = 0; preset < presetNames.Length; preset++)
                    {
                        Consider(presetNames[preset], lowered, limit, ref closest, ref bestDistance);
                    }
                }

                var message = "'" + text + "' is not a defined " + (expandPresets ? "scope or preset" : "scope");
                return new ParseError(text, position, closest, closest == null ? message + "." : message + "; did you mean '" + closest + "'?");
            }

            /// <summary>Keeps <paramref name="candidate"/> when it is the closest so far within the typo limit (the same rule as the build-time suggestions).</summary>
            private static void Consider(string candidate, string lowered, int limit, ref string/*?*/ closest, ref int bestDistance)
            {
                if (global::System.Math.Abs(candidate.Length - lowered.Length) > limit)
                {
                    return;
                }

                var distance = EditDistance(lowered, candidate.ToLowerInvariant());
                if (distance <= limit && distance < bestDistance)
                {
                    closest = candidate;
                    bestDistance = distance;
                }
            }

            /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
            private static int EditDistance(string a, string b)
            {
                var previous2 = new int[b.Length + 1];
                var previous = new int[b.Length + 1];
                var current = new int[b.Length + 1];
                for (var j = 0; j <= b.Length; j++)
                {
                    previous[j] = j;
                }

                for (var i = 1; i <= a.Length; i++)
                {
                    current[0] = i;
                    for (var j = 1; j <= b.Length; j++)
                    {
                        var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                        var value = global::System.Math.Min(global::System.Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                        {
                            value = global::System.Math.Min(value, previous2[j - 2] + 1);
                        }

                        current[j] = value;
                    }

                    var rotated = previous2;
                    previous2 = previous;
                    previous = current;
                    current = rotated;
                }

                return previous[b.Length];
            }

            private static string FormatMessage(global::System.Collections.Generic.List<ParseError> errors)
            {
                var builder = new global::System.Text.StringBuilder("The scope list is not valid:");
                for (var i = 0; i < errors.Count; i++)
                {
                    builder.Append(' ').Append(errors[i].Message);
                }

                return builder.ToString();
            }

            /// <summary>A slot of the hash table: a scope or former name (null when the slot is empty) and the manifest index of the scope it stands for.</summary>
            private struct Slot
            {
                public readonly string/*?*/ Scope;
                public readonly int Index;

                public Slot(string scope, int index)
                {
                    Scope = scope;
                    Index = index;
                }
            }

            /// <summary>Enumerates a set's scopes in manifest order.</summary>
            public struct Enumerator : global::System.Collections.Generic.IEnumerator<string>
            {
                private readonly ulong[]/*?*/ words;
                private int wordIndex;
                private ulong remaining;
                private int current;

                internal Enumerator(ulong[]/*?*/ words)
                {
                    this.words = words;
                    wordIndex = -1;
                    remaining = 0;
                    current = -1;
                }

                /// <summary>The scope at the current position.</summary>
                public string Current => SortedScopes[sortedIndexByManifest[current]];

                object global::System.Collections.IEnumerator.Current => Current;

                /// <summary>Moves to the next scope in manifest order.</summary>
                public bool MoveNext()
                {
                    if (words == null)
                    {
                        return false;
                    }

                    while (remaining == 0)
                    {
                        if (++wordIndex >= words.Length)
                        {
                            return false;
                        }

                        remaining = words[wordIndex];
                    }

                    current = (wordIndex * BitsPerWord) + TrailingZeroCount(remaining);
                    remaining &= remaining - 1;
                    return true;
                }

                /// <summary>Starts over.</summary>
                public void Reset()
                {
                    wordIndex = -1;
                    remaining = 0;
                    current = -1;
                }

                /// <summary>Nothing to release.</summary>
                public void Dispose()
                {
                }
            }

            /// <summary>An entry that could not be parsed: what it was, where, and the closest defined name.</summary>
            public sealed class ParseError
            {
                internal ParseError(string text, int position, string/*?*/ suggestion, string message)
                {
                    Text = text;
                    Position = position;
                    Suggestion = suggestion;
                    Message = message;
                }

                /// <summary>The entry as given (empty for a null entry).</summary>
                public string Text { get; }

                /// <summary>Where it was: the character offset in a space-delimited string, or the index in a list.</summary>
                public int Position { get; }

                /// <summary>The closest defined scope (or preset, when presets expand), or null when none is close.</summary>
                public string/*?*/ Suggestion { get; }

                /// <summary>A sentence for people: <c>'workflow:reed' is not a defined scope; did you mean 'workflow:read'?</c></summary>
                public string Message { get; }

                /// <inheritdoc/>
                public override string ToString() => Message;
            }
        }
        // </template>
    }
}
