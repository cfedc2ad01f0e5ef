using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ScopeGen.Hosts.Tests.SignalR;

/// <summary>Connecting needs workflow:list (class); <see cref="Delete"/> also workflow:delete (method).</summary>
[RequireScope(Scopes.Workflow.List)]
public sealed class WorkflowHub : Hub
{
    public string List() => "list";

    [RequireScope(Scopes.Workflow.Delete)]
    public string Delete() => "deleted";
}

/// <summary>Any authenticated caller connects; <see cref="Create"/> needs the named policy of workflow:create (resource: the hub invocation).</summary>
[Authorize]
public sealed class PolicyHub : Hub
{
    [Authorize(Policy = Scopes.Workflow.Create)]
    public string Create() => "created";
}
