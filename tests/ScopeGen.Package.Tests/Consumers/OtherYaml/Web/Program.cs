using Shop.Other;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddScopeAuthorization();
var app = builder.Build();
app.MapGet("/invoices", () => "all").RequireScope(Scopes.Invoice.List);
app.MapGet("/open", () => "nobody checks this");
app.Run();
