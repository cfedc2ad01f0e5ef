using Microsoft.AspNetCore.Mvc;

namespace ScopeGen.Hosts.Tests.Mvc;

/// <summary>Class: workflow:read; <see cref="Delete"/> also workflow:delete. Served with and without endpoint routing.</summary>
[ApiController]
[Route("mvc/workflows")]
[RequireScope(Scopes.Workflow.Read)]
public sealed class WorkflowsController : ControllerBase
{
    [HttpGet]
    public string Read() => "read";

    [HttpDelete]
    [RequireScope(Scopes.Workflow.Delete)]
    public string Delete() => "deleted";
}

/// <summary>No attribute: only a global filter (if the app adds one) protects it.</summary>
[ApiController]
[Route("mvc/filtered")]
public sealed class FilteredController : ControllerBase
{
    [HttpGet]
    public string Get() => "filtered";
}
