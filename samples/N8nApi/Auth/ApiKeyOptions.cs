using System;
using System.Collections.Generic;

namespace N8nApi.Auth;

/// <summary>The <c>ApiKeys</c> configuration section: the keys the API accepts, stored as hashes only.</summary>
public sealed class ApiKeyStoreOptions
{
    public const string SectionName = "ApiKeys";

    public List<ApiKeyEntry> Keys { get; set; } = new();
}

/// <summary>One API key, as n8n's settings page creates it: a label, an expiry and its scopes.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>A name for people; never the key.</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>SHA-256 of the key's UTF-8 bytes, 64 hexadecimal digits.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>The instant from which the key is refused. Required: keys do not live forever.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Scopes granted, exactly as in the manifest.</summary>
    public List<string> Scopes { get; set; } = new();

    /// <summary>Manifest presets granted (<c>readOnly</c>, <c>full</c>), expanded to their scopes.</summary>
    public List<string> Presets { get; set; } = new();
}
