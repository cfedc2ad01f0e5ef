using Shop.Scanned;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddScopeAuthorization();
var app = builder.Build();
app.MapControllers();
app.MapGet("/reports/{id}", (string id) => id).RequireScope(Scopes.Report.Read);
app.Run();
