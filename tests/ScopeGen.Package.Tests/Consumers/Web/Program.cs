using Microsoft.AspNetCore.Authorization;
using Shop.Api;

// Prints what the test checks, then exits without starting the server.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddScopeAuthorization();
var app = builder.Build();

app.MapControllers();
app.MapPost("/orders", () => "created").RequireScope(Scopes.Order.Create);
var rows = app.MapGroup("/rows").RequireScope(Scopes.DataTableRow.Upsert);
rows.MapPut("/{id}", (string id) => id);
app.MapGet("/health", [AllowAnonymous] () => "ok");
app.MapGet("/unprotected", () => "nobody checks this");

Console.WriteLine("create=" + Scopes.Order.Create);
Console.WriteLine("upsert=" + Scopes.DataTableRow.Upsert);
Console.WriteLine("all=" + string.Join(",", Scopes.All));
Console.WriteLine("readOnly=" + string.Join(",", Scopes.Presets.ReadOnly));
Console.WriteLine("defined=" + Scopes.IsDefined("order:read") + "," + Scopes.IsDefined("Order:read"));
Console.WriteLine("attribute=" + typeof(RequireScopeAttribute).FullName + ",public=" + typeof(RequireScopeAttribute).IsPublic);

// Which endpoints carry authorization metadata: everything except /health and /unprotected.
var endpoints = ((IEndpointRouteBuilder)app).DataSources
    .SelectMany(source => source.Endpoints)
    .OfType<RouteEndpoint>()
    .Select(endpoint => endpoint.RoutePattern.RawText + ":" + (endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 ? "scoped" : "open"))
    .OrderBy(line => line, StringComparer.Ordinal);
Console.WriteLine("endpoints=" + string.Join(" ", endpoints));
