using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScopeGen.AspNetCore.Tests.Api;

namespace ScopeGen.AspNetCore.Tests.Attributes;

/// <summary>A base controller's requirement is inherited by every action of its subclasses.</summary>
[RequireScope(Scopes.Report.Read)]
public abstract class ScopedControllerBase : ControllerBase
{
}

/// <summary>Class, base class and method attributes must all hold; inside one attribute, any scope will do.</summary>
[ApiController]
[Route("reports")]
[RequireScope(Scopes.Report.List)]
public sealed class ReportsController : ScopedControllerBase
{
    /// <summary>Needs report:read (base) and report:list (class) and one of report:create, report:delete.</summary>
    [HttpGet("any-of")]
    [RequireScope(Scopes.Report.Create, Scopes.Report.Delete)]
    public string AnyOf() => "ok";

    /// <summary>Needs report:read and report:list only.</summary>
    [HttpGet("inherited")]
    public string Inherited() => "ok";

    /// <summary>Two method attributes: report:create and report:delete.</summary>
    [HttpGet("both")]
    [RequireScope(Scopes.Report.Create)]
    [RequireScope(Scopes.Report.Delete)]
    public string Both() => "ok";

    [HttpGet("anonymous")]
    [AllowAnonymous]
    public string Anonymous() => "ok";
}
