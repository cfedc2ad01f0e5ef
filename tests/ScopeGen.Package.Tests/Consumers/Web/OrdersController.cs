using Microsoft.AspNetCore.Mvc;

namespace Shop.Api;

[ApiController]
[Route("orders")]
public sealed class OrdersController : ControllerBase
{
    [HttpGet("{id}")]
    [RequireScope(Scopes.Order.Read)]
    public string Get(string id) => id;

    [HttpGet]
    [RequireScope(Scopes.Order.List)]
    public string[] List() => Array.Empty<string>();
}
