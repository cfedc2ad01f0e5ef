// Runtime source: emitted into the consumer's compilation (see ../README.md).
namespace ScopeGen.AspNetCore
{
    /// <summary>
    /// The renames of the manifests (<c>renamedFrom</c>): a former scope string grants the scope it was renamed
    /// to, and only that one, so keys issued before a rename keep working.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public static partial class ScopeRenames
    {
        /// <summary>The strings that grant <paramref name="scope"/>: the scope itself, then its former names in every scope class.</summary>
        public static string[] GrantingStrings(string scope)
        {
            var strings = new global::System.Collections.Generic.List<string> { scope };
            AddFormerNames(scope, strings);
            return strings.ToArray();
        }

        // Written by the generator from the manifests' scope classes; absent (no renames) otherwise.
        static partial void AddFormerNames(string scope, global::System.Collections.Generic.List<string> strings);
    }
}
