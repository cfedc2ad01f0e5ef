using System;
using System.Security.Cryptography;
using System.Text;

namespace N8nApi;

/// <summary>
/// The two demo keys of the Development environment, derived in code so the banner can print them; the
/// database stores only their SHA-256 hashes, as for any key. Seeded in Development only (<see cref="Keys.SampleSeed"/>).
/// </summary>
public static class DemoKeys
{
    /// <summary>Holds the manifest's <c>readOnly</c> preset (every <c>*:read</c> and <c>*:list</c> scope).</summary>
    public static string ReadOnly { get; } = Derive("read-only");

    /// <summary>Holds the manifest's <c>full</c> preset (every scope).</summary>
    public static string Full { get; } = Derive("full");

    private static string Derive(string label)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("ScopeGen N8nApi demo key: " + label)));
        return "n8n_demo_" + label.Replace("-", string.Empty, StringComparison.Ordinal) + "_" + digest[..32];
    }
}
