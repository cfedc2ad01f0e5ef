using System;
using System.Security.Cryptography;
using System.Text;

namespace N8nApi.Keys;

/// <summary>
/// How keys look and are stored. A key is <c>n8n_api_</c> and 43 base62 characters (256 random bits),
/// so secret scanners can match the prefix and guessing is hopeless; only its SHA-256 is stored (a
/// slow hash adds nothing for a secret of that entropy, and would cost on every request).
/// </summary>
public static class ApiKeySecrets
{
    public const string Prefix = "n8n_api_";

    /// <summary>Longest key accepted; anything longer is malformed and not even hashed.</summary>
    public const int MaxKeyLength = 256;

    /// <summary>Shortest key accepted.</summary>
    public const int MinKeyLength = 16;

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int SecretLength = 43; // 62^43 > 2^256

    /// <summary>A new key: the prefix and 43 characters drawn uniformly from base62.</summary>
    public static string NewKey() => Prefix + RandomNumberGenerator.GetString(Base62, SecretLength);

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

    /// <summary>SHA-256 of the key's UTF-8 bytes: what the database stores.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The same, lower-case hex (tests check that neither the key nor this ever reaches a log).</summary>
    public static string HashHex(string key) => Convert.ToHexStringLower(Hash(key));

    /// <summary>What the list shows instead of the key: its prefix and last four characters.</summary>
    public static string Mask(string key)
    {
        var prefixEnd = key.StartsWith(Prefix, StringComparison.Ordinal) ? Prefix.Length : Math.Min(4, key.Length);
        return key[..prefixEnd] + "****" + key[^4..];
    }
}
