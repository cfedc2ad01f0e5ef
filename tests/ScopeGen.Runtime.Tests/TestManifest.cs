using System.Collections.Generic;

// What the generator writes for a manifest with workflow:read, workflow:delete and the preset "full".
namespace Microsoft.Extensions.DependencyInjection
{
    static partial class ScopeGenServiceCollectionExtensions
    {
        static partial void AddManifestPolicies(global::ScopeGen.AspNetCore.ScopeNamedPolicies policies)
        {
            policies.Add("workflow:read", new[] { "workflow:read" });
            policies.Add("workflow:delete", new[] { "workflow:delete" });
            policies.Add("full", new[] { "workflow:read", "workflow:delete" });
            policies.Add("empty", new string[0]);
        }
    }
}

namespace ScopeGen.AspNetCore
{
    sealed partial class ScopeOpenApiTransformer
    {
        static partial void AddManifestScopes(Dictionary<string, string> scopes)
        {
            scopes.Add("workflow:read", "Read a workflow.");
            scopes.Add("workflow:delete", "Delete a workflow.");
        }
    }
}
