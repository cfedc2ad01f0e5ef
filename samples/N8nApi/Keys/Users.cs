using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Identity;
using N8nApi.Storage;

namespace N8nApi.Keys;

/// <summary>Someone who signs in to manage their API keys.</summary>
public sealed record SampleUser(long Id, string Email, string Role);

/// <summary>The <c>Users</c> configuration section.</summary>
public sealed class UserOptions
{
    public const string SectionName = "Users";

    /// <summary>
    /// The preset each role may grant, by role name (<c>owner: full</c>, <c>member: readOnly</c>): a role
    /// grants the scopes of its preset and nothing else. Validated against the manifest at start.
    /// </summary>
    public Dictionary<string, string> RolePresets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Users created on start when no user has their email. Only Development's settings have any.</summary>
    public List<SeedUser> Seed { get; set; } = new();
}

/// <summary>A user to create on start.</summary>
public sealed class SeedUser
{
    public string Email { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;
}

/// <summary>Users in the database; passwords as ASP.NET Core Identity's PBKDF2 hashes.</summary>
public sealed class UserStore
{
    private readonly SampleDatabase database;
    private readonly PasswordHasher<SampleUser> hasher = new();

    public UserStore(SampleDatabase database)
    {
        this.database = database;
    }

    /// <summary>The user when the email and password match; null otherwise (which of the two failed is not told).</summary>
    public SampleUser? SignIn(string email, string password)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, email, role, password_hash FROM users WHERE email = $email;";
        command.Parameters.AddWithValue("$email", email);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            // Hash anyway, so an unknown email takes as long as a wrong password.
            hasher.VerifyHashedPassword(Unknown, UnknownHash, password);
            return null;
        }

        var user = new SampleUser(reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
        return hasher.VerifyHashedPassword(user, reader.GetString(3), password) == PasswordVerificationResult.Failed ? null : user;
    }

    public SampleUser? Find(long id)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, email, role FROM users WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new SampleUser(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    public SampleUser? FindByEmail(string email)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, email, role FROM users WHERE email = $email;";
        command.Parameters.AddWithValue("$email", email);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new SampleUser(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    /// <summary>Creates the user unless one with that email exists; returns the stored user either way.</summary>
    public SampleUser Ensure(string email, string password, string role, DateTimeOffset now)
    {
        if (FindByEmail(email) is { } existing)
        {
            return existing;
        }

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO users (email, password_hash, role, created_at) VALUES ($email, $hash, $role, $created) RETURNING id;";
        command.Parameters.AddWithValue("$email", email);
        command.Parameters.AddWithValue("$hash", hasher.HashPassword(new SampleUser(0, email, role), password));
        command.Parameters.AddWithValue("$role", role);
        command.Parameters.AddWithValue("$created", now.ToUnixTimeMilliseconds());
        var id = (long)command.ExecuteScalar()!;
        return new SampleUser(id, email, role);
    }

    private static readonly SampleUser Unknown = new(0, string.Empty, string.Empty);

    private static readonly string UnknownHash = new PasswordHasher<SampleUser>().HashPassword(Unknown, Guid.NewGuid().ToString());
}
