using System;
using System.Linq;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace N8nApi.Keys;

/// <summary>
/// What the app puts in a fresh database: the users of <c>Users:Seed</c> (Development's settings have an
/// owner and a member; other environments none, so no default credentials), and in Development the two
/// demo keys, owned by the first seeded owner. Idempotent: nothing is added twice across restarts.
/// </summary>
public static class SampleSeed
{
    public const string OwnerRole = "owner";

    public static void Run(IOptions<UserOptions> options, UserStore users, ApiKeyStore keys, RoleGrants grants, IHostEnvironment environment, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        SampleUser? owner = null;
        foreach (var (seed, index) in options.Value.Seed.Select((seed, index) => (seed, index)))
        {
            var where = $"{UserOptions.SectionName}:Seed:{index}";
            if (string.IsNullOrWhiteSpace(seed.Email) || string.IsNullOrEmpty(seed.Password))
            {
                throw new InvalidOperationException($"{where}: Email and Password are required.");
            }

            if (!grants.IsKnownRole(seed.Role))
            {
                throw new InvalidOperationException($"{where}: role '{seed.Role}' has no entry in {UserOptions.SectionName}:RolePresets.");
            }

            var user = users.Ensure(seed.Email, seed.Password, seed.Role, now);
            owner ??= user.Role == OwnerRole ? user : null;
        }

        if (!environment.IsDevelopment() || owner is null)
        {
            return;
        }

        if (!keys.Contains(DemoKeys.ReadOnly))
        {
            keys.Add(owner.Id, "demo read-only", DemoKeys.ReadOnly, ScopeGrants.Serialize(ScopeGrants.PresetScopes("readOnly", "demo key")), now, null);
        }

        if (!keys.Contains(DemoKeys.Full))
        {
            keys.Add(owner.Id, "demo full", DemoKeys.Full, ScopeGrants.Serialize(ScopeGrants.PresetScopes("full", "demo key")), now, null);
        }
    }
}
