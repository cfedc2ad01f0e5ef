using global::Grpc.Core;

namespace ScopeGen.Hosts.Tests.Grpc;

/// <summary>A gRPC service: the class requires workflow:read, <see cref="Delete"/> also workflow:delete.</summary>
[RequireScope(Scopes.Workflow.Read)]
public sealed class WorkflowsService : Workflows.WorkflowsBase
{
    public override Task<WorkflowReply> Read(WorkflowRequest request, ServerCallContext context) => Task.FromResult(new WorkflowReply { Result = "read " + request.Id });

    [RequireScope(Scopes.Workflow.Delete)]
    public override Task<WorkflowReply> Delete(WorkflowRequest request, ServerCallContext context) => Task.FromResult(new WorkflowReply { Result = "deleted " + request.Id });
}
