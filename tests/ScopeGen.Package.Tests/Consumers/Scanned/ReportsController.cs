using Microsoft.AspNetCore.Mvc;

namespace Shop.Scanned;

[Route("reports")]
public sealed class ReportsController : Controller
{
    // No scope and no [Authorize]: ScopeGen reports SCOPE001, SecurityCodeScan SCS0012.
    [HttpGet]
    public IActionResult List() => Ok();
}
