using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using N8n.Api;

namespace N8nApi.Auth;

/// <summary>A configured key, validated and ready to match.</summary>
public sealed record ApiKeyRecord(string Label, byte[] Hash, DateTimeOffset ExpiresAt, string GrantedScopes);

/// <summary>
/// The configured keys. A presented key is hashed and compared with every stored hash in constant
/// time (<see cref="CryptographicOperations.FixedTimeEquals"/>), without stopping at the first match,
/// so the response time says nothing about which hash, or how much of it, matched.
/// </summary>
public sealed class ApiKeyStore
{
    /// <summary>Longest key accepted; anything longer is malformed and not even hashed.</summary>
    public const int MaxKeyLength = 256;

    /// <summary>Shortest key accepted.</summary>
    public const int MinKeyLength = 16;

    private readonly ApiKeyRecord[] keys;

    public ApiKeyStore(IOptions<ApiKeyStoreOptions> options)
    {
        keys = options.Value.Keys.Select(Validate).ToArray();
    }

    public int Count => keys.Length;

    /// <summary>Whether a header value has the shape of a key: 16 to 256 printable ASCII characters, no spaces.</summary>
    public static bool IsWellFormed(string? key)
    {
        if (key is null || key.Length < MinKeyLength || key.Length > MaxKeyLength)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>SHA-256 of the key's UTF-8 bytes, lower-case hex: what <c>appsettings.json</c> stores.</summary>
    public static string HashHex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Finds the key's record; null when the key is malformed or unknown.</summary>
    public ApiKeyRecord? Find(string key)
    {
        if (!IsWellFormed(key))
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        ApiKeyRecord? found = null;
        foreach (var record in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, record.Hash))
            {
                found = record;
            }
        }

        return found;
    }

    private static ApiKeyRecord Validate(ApiKeyEntry entry, int index)
    {
        var where = $"ApiKeys:Keys:{index} ('{entry.Label}')";
        if (entry.Sha256 is not { Length: 64 } || !entry.Sha256.All(Uri.IsHexDigit))
        {
            throw new InvalidOperationException($"{where}: Sha256 must be the 64 hex digits of the key's SHA-256.");
        }

        if (entry.ExpiresAt is null)
        {
            throw new InvalidOperationException($"{where}: ExpiresAt is required.");
        }

        var scopes = new List<string>();
        foreach (var preset in entry.Presets)
        {
            if (!Scopes.Presets.TryGetScopes(preset, out var presetScopes))
            {
                throw new InvalidOperationException($"{where}: unknown preset '{preset}'. Known: {string.Join(", ", Scopes.Presets.Names)}.");
            }

            scopes.AddRange(presetScopes);
        }

        foreach (var scope in entry.Scopes)
        {
            if (string.IsNullOrEmpty(scope) || scope.Contains(' '))
            {
                throw new InvalidOperationException($"{where}: a scope entry must be one non-empty scope without spaces.");
            }
        }

        // A scope the manifest does not define is kept: the authorization handler ignores it, as it
        // ignores unknown scopes in any token.
        scopes.AddRange(entry.Scopes);
        return new ApiKeyRecord(entry.Label, Convert.FromHexString(entry.Sha256), entry.ExpiresAt.Value, string.Join(' ', scopes.Distinct(StringComparer.Ordinal)));
    }
}
