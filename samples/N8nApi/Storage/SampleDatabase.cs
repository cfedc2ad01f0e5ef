using System;
using System.IO;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace N8nApi.Storage;

/// <summary>
/// The sample's one SQLite file: users and API keys. Created and migrated on first start; the path
/// comes from the <c>ConnectionStrings:N8nApi</c> setting (a relative path is taken from the content root).
/// </summary>
public sealed class SampleDatabase
{
    /// <summary>The connection string's name in configuration.</summary>
    public const string ConnectionStringName = "N8nApi";

    /// <summary>
    /// Schema migrations, in order; the database's <c>PRAGMA user_version</c> counts the ones applied.
    /// Append only: an applied script is never edited.
    /// </summary>
    private static readonly string[] Migrations =
    {
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL UNIQUE COLLATE NOCASE,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            key_hash BLOB NOT NULL UNIQUE,
            key_hint TEXT NOT NULL,
            scopes TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NULL,
            last_used_at INTEGER NULL
        );
        CREATE INDEX api_keys_user ON api_keys(user_id);
        """,
    };

    private readonly string connectionString;

    public SampleDatabase(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set: give the SQLite file, e.g. \"Data Source=n8n-sample.db\".");
        }

        var builder = new SqliteConnectionStringBuilder(configured);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} must name a file: keys are kept across restarts.");
        }

        // Relative to the content root, not to whatever directory the process was started from.
        builder.DataSource = Path.GetFullPath(builder.DataSource, environment.ContentRootPath);
        builder.ForeignKeys = true;
        FilePath = builder.DataSource;
        connectionString = builder.ToString();
    }

    /// <summary>The database file's full path.</summary>
    public string FilePath { get; }

    /// <summary>The schema version this code migrates to.</summary>
    public static int LatestVersion => Migrations.Length;

    /// <summary>An open connection (pooled by Microsoft.Data.Sqlite).</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Creates the file and applies the migrations it lacks, each in its own transaction.</summary>
    public void Migrate()
    {
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = Open();
        using (var wal = connection.CreateCommand())
        {
            // Readers do not wait for the writer (the last-used flush, a key being created).
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }

        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Migrations.Length)
        {
            throw new InvalidOperationException($"The database '{FilePath}' has schema version {version}; this build knows {Migrations.Length}. Use a newer build or another file.");
        }

        for (var next = version; next < Migrations.Length; next++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[next] + $"\nPRAGMA user_version = {next + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
