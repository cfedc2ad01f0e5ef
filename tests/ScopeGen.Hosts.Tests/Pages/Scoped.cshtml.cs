using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ScopeGen.Hosts.Tests.Pages;

/// <summary>A Razor Page whose page model requires workflow:read.</summary>
[RequireScope(Scopes.Workflow.Read)]
public sealed class ScopedModel : PageModel
{
    public void OnGet()
    {
    }
}
