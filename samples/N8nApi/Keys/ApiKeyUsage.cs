using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using N8nApi.Storage;

namespace N8nApi.Keys;

/// <summary>The <c>ApiKeys</c> configuration section.</summary>
public sealed class ApiKeyUsageOptions
{
    public const string SectionName = "ApiKeys";

    /// <summary>How often last-used times are written to the database (and once more on shutdown).</summary>
    public TimeSpan LastUsedFlushInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Last-used times without a database write per request: a request only raises the key's time in
/// memory (a lock-free max, so parallel requests never lose the latest); <see cref="Flush"/> writes
/// the keys used since the last flush in one transaction.
/// </summary>
public sealed class ApiKeyUsage
{
    private readonly SampleDatabase database;
    private readonly ILogger<ApiKeyUsage> logger;
    private readonly ConcurrentDictionary<string, StrongBox<long>> latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> dirty = new(StringComparer.Ordinal);
    private readonly object flushLock = new();

    public ApiKeyUsage(SampleDatabase database, ILogger<ApiKeyUsage> logger)
    {
        this.database = database;
        this.logger = logger;
    }

    /// <summary>Database writes done by flushes so far (one per flush that had something to write).</summary>
    public int FlushWrites { get; private set; }

    /// <summary>Records a use of the key at <paramref name="when"/>.</summary>
    public void Record(string keyId, DateTimeOffset when)
    {
        var millis = when.ToUnixTimeMilliseconds();
        var box = latest.GetOrAdd(keyId, static _ => new StrongBox<long>(0));
        long seen;
        while ((seen = Volatile.Read(ref box.Value)) < millis && Interlocked.CompareExchange(ref box.Value, millis, seen) != seen)
        {
        }

        // Marked after the raise: a flush that clears the mark first and reads the time later sees it.
        dirty[keyId] = 0;
    }

    /// <summary>The last use recorded in memory since start, if any (the database may hold an older one).</summary>
    public DateTimeOffset? InMemory(string keyId) =>
        latest.TryGetValue(keyId, out var box) && Volatile.Read(ref box.Value) > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(Volatile.Read(ref box.Value)) : null;

    /// <summary>The last use: the later of memory and the database.</summary>
    public DateTimeOffset? LastUsed(string keyId, DateTimeOffset? stored)
    {
        var memory = InMemory(keyId);
        return memory is null ? stored : stored is null || memory > stored ? memory : stored;
    }

    /// <summary>Reads the stored last-used time of a key (null when never flushed or no such key).</summary>
    public DateTimeOffset? Stored(string keyId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_used_at FROM api_keys WHERE id = $id;";
        command.Parameters.AddWithValue("$id", keyId);
        return command.ExecuteScalar() is long millis ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : null;
    }

    /// <summary>Writes every key used since the last flush; a stored time is only ever raised.</summary>
    public void Flush()
    {
        lock (flushLock)
        {
            if (dirty.IsEmpty)
            {
                return;
            }

            var keyIds = new System.Collections.Generic.List<string>();
            foreach (var keyId in dirty.Keys)
            {
                if (dirty.TryRemove(keyId, out _))
                {
                    keyIds.Add(keyId);
                }
            }

            try
            {
                using var connection = database.Open();
                using var transaction = connection.BeginTransaction();
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE api_keys SET last_used_at = MAX(COALESCE(last_used_at, 0), $at) WHERE id = $id;";
                var id = command.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
                var at = command.Parameters.Add("$at", Microsoft.Data.Sqlite.SqliteType.Integer);
                foreach (var keyId in keyIds)
                {
                    if (latest.TryGetValue(keyId, out var box))
                    {
                        id.Value = keyId;
                        at.Value = Volatile.Read(ref box.Value);
                        command.ExecuteNonQuery();
                    }
                }

                transaction.Commit();
            }
            catch
            {
                // Marked again, so the next flush writes them.
                foreach (var keyId in keyIds)
                {
                    dirty[keyId] = 0;
                }

                throw;
            }

            FlushWrites++;
            logger.LogDebug("Last-used times flushed.");
        }
    }

    /// <summary>Drops a deleted key's in-memory time.</summary>
    public void Forget(string keyId)
    {
        dirty.TryRemove(keyId, out _);
        latest.TryRemove(keyId, out _);
    }

    private sealed class StrongBox<T>
    {
        public T Value;

        public StrongBox(T value) => Value = value;
    }
}

/// <summary>Flushes <see cref="ApiKeyUsage"/> on its interval and once more when the app stops.</summary>
public sealed class ApiKeyUsageFlusher : BackgroundService
{
    private readonly ApiKeyUsage usage;
    private readonly IOptions<ApiKeyUsageOptions> options;
    private readonly ILogger<ApiKeyUsageFlusher> logger;

    public ApiKeyUsageFlusher(ApiKeyUsage usage, IOptions<ApiKeyUsageOptions> options, ILogger<ApiKeyUsageFlusher> logger)
    {
        this.usage = usage;
        this.options = options;
        this.logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LastUsedFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                FlushLogged();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        FlushLogged();
    }

    private void FlushLogged()
    {
        try
        {
            usage.Flush();
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception)
        {
            // The times stay marked and are written by the next flush.
            logger.LogWarning(exception, "Flushing last-used times failed; retrying on the next interval.");
        }
    }
}
