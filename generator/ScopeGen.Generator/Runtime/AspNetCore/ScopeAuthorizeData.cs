// Runtime source: emitted into the consumer's compilation (see ../README.md).
namespace ScopeGen.AspNetCore
{
    /// <summary>
    /// Endpoint metadata that <c>.RequireScope(...)</c> adds: <c>IAuthorizeData</c> naming the reserved policy of
    /// its <see cref="Requirement"/> (see <see cref="ScopePolicyName"/>), so every authorization consumer sees it
    /// as it sees <c>[Authorize]</c>.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public sealed class ScopeAuthorizeData : global::Microsoft.AspNetCore.Authorization.IAuthorizeData
    {
        /// <summary>Stands for <paramref name="requirement"/>.</summary>
        public ScopeAuthorizeData(ScopeRequirement requirement)
        {
            Requirement = requirement ?? throw new global::System.ArgumentNullException(nameof(requirement));
        }

        /// <summary>The requirement this metadata stands for.</summary>
        public ScopeRequirement Requirement { get; }

        /// <summary>The reserved policy name of <see cref="Requirement"/>.</summary>
        public string Policy => Requirement.PolicyName;

        string? global::Microsoft.AspNetCore.Authorization.IAuthorizeData.Policy
        {
            get => Requirement.PolicyName;
            set => throw ReadOnly();
        }

        string? global::Microsoft.AspNetCore.Authorization.IAuthorizeData.Roles
        {
            get => null;
            set => throw ReadOnly();
        }

        string? global::Microsoft.AspNetCore.Authorization.IAuthorizeData.AuthenticationSchemes
        {
            get => null;
            set => throw ReadOnly();
        }

        /// <inheritdoc />
        public override string ToString() => Requirement.ToString();

        internal static global::System.NotSupportedException ReadOnly() =>
            new global::System.NotSupportedException("A scope requirement's authorization data is fixed; combine it with [Authorize] for roles or schemes.");
    }
}
