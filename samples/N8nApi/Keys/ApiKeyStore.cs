using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using N8nApi.Storage;

namespace N8nApi.Keys;

/// <summary>A stored key: never the key itself, only its SHA-256 and a masked form for the list.</summary>
public sealed record ApiKeyRecord(
    string Id,
    long UserId,
    string Label,
    byte[] Hash,
    string MaskedKey,
    string Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt)
{
    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expires && now >= expires;
}

/// <summary>
/// API keys in the database, with every key also held in memory so a request costs no database read.
/// Creation and deletion write the database first, then swap the in-memory snapshot, so a deleted key
/// is refused by the very next request. One process owns the file (the sample is not a cluster).
/// </summary>
public sealed class ApiKeyStore
{
    private readonly SampleDatabase database;
    private readonly object writeLock = new();
    private volatile ApiKeyRecord[] snapshot;

    public ApiKeyStore(SampleDatabase database)
    {
        this.database = database;
        snapshot = LoadAll();
    }

    public int Count => snapshot.Length;

    /// <summary>
    /// The key's record; null when malformed or unknown. The presented key's hash is compared with every
    /// stored hash in constant time (<see cref="CryptographicOperations.FixedTimeEquals"/>), without
    /// stopping at the first match, so the response time says nothing about which hash matched.
    /// </summary>
    public ApiKeyRecord? Find(string key)
    {
        if (!ApiKeySecrets.IsWellFormed(key))
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key), hash);
        ApiKeyRecord? found = null;
        foreach (var record in snapshot)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, record.Hash))
            {
                found = record;
            }
        }

        return found;
    }

    /// <summary>The keys of one user, newest first.</summary>
    public IReadOnlyList<ApiKeyRecord> ListFor(long userId) =>
        snapshot.Where(record => record.UserId == userId).OrderByDescending(record => record.CreatedAt).ThenBy(record => record.Id, StringComparer.Ordinal).ToArray();

    /// <summary>Stores a key given as plain text (hashed here); its scopes are stored as given.</summary>
    public ApiKeyRecord Add(long userId, string label, string key, string scopes, DateTimeOffset createdAt, DateTimeOffset? expiresAt)
    {
        var record = new ApiKeyRecord(Guid.NewGuid().ToString("N"), userId, label, ApiKeySecrets.Hash(key), ApiKeySecrets.Mask(key), scopes, Truncate(createdAt), expiresAt is null ? null : Truncate(expiresAt.Value));
        lock (writeLock)
        {
            using var connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO api_keys (id, user_id, label, key_hash, key_hint, scopes, created_at, expires_at)
                VALUES ($id, $user, $label, $hash, $hint, $scopes, $created, $expires);
                """;
            command.Parameters.AddWithValue("$id", record.Id);
            command.Parameters.AddWithValue("$user", userId);
            command.Parameters.AddWithValue("$label", label);
            command.Parameters.AddWithValue("$hash", record.Hash);
            command.Parameters.AddWithValue("$hint", record.MaskedKey);
            command.Parameters.AddWithValue("$scopes", scopes);
            command.Parameters.AddWithValue("$created", record.CreatedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$expires", (object?)record.ExpiresAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            command.ExecuteNonQuery();
            snapshot = snapshot.Append(record).ToArray();
        }

        return record;
    }

    /// <summary>Whether a key with this plain value is stored (the demo-key seeding asks).</summary>
    public bool Contains(string key) => Find(key) is not null;

    /// <summary>Deletes one of the user's keys; false when the user has no key with that id.</summary>
    public bool Delete(long userId, string id)
    {
        lock (writeLock)
        {
            using var connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM api_keys WHERE id = $id AND user_id = $user;";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$user", userId);
            if (command.ExecuteNonQuery() == 0)
            {
                return false;
            }

            snapshot = snapshot.Where(record => record.Id != id).ToArray();
            return true;
        }
    }

    // The database keeps milliseconds; so does the snapshot, so a listing is the same before and after a restart.
    private static DateTimeOffset Truncate(DateTimeOffset value) => DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    private ApiKeyRecord[] LoadAll()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, user_id, label, key_hash, key_hint, scopes, created_at, expires_at FROM api_keys;";
        using var reader = command.ExecuteReader();
        var records = new List<ApiKeyRecord>();
        while (reader.Read())
        {
            records.Add(new ApiKeyRecord(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                (byte[])reader.GetValue(3),
                reader.GetString(4),
                reader.GetString(5),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))));
        }

        return records.ToArray();
    }
}
