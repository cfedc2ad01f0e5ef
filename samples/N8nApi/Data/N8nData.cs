using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace N8nApi.Data;

/// <summary>The sample's in-memory instance: a few of each resource, so every read has something to return.</summary>
public sealed class N8nData
{
    public InMemoryCollection Workflows { get; } = new("Sync CRM", "Nightly report", "Old import", "Webhook relay");

    public InMemoryCollection Executions { get; } = new("execution of Sync CRM", "execution of Nightly report", "failed run");

    public InMemoryCollection Credentials { get; } = new("Slack bot", "Postgres", "Old token");

    public InMemoryCollection Tags { get; } = new("production", "staging", "obsolete");

    public InMemoryCollection Users { get; } = new("owner@example.com", "member@example.com", "leaver@example.com");

    public InMemoryCollection Variables { get; } = new("REGION", "TIMEOUT", "UNUSED");

    public InMemoryCollection Projects { get; } = new("Marketing", "Finance", "Archive");

    public InMemoryCollection DataTables { get; } = new("customers", "orders", "scratch");

    /// <summary>Rows of each data table, by table id.</summary>
    public ConcurrentDictionary<string, InMemoryCollection> Rows { get; } = new();

    /// <summary>Tag names assigned to each workflow or execution, by id.</summary>
    public ConcurrentDictionary<string, JsonArray> WorkflowTags { get; } = new();

    public ConcurrentDictionary<string, JsonArray> ExecutionTags { get; } = new();

    public InMemoryCollection RowsOf(string tableId) => Rows.GetOrAdd(tableId, _ => new InMemoryCollection("row 1", "row 2"));
}
