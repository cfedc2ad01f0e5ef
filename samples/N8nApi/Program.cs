// n8n's public API v1 shape, authorized by ScopeGen: an API key in X-N8N-API-KEY, one scope per
// operation from manifest/n8n.scopes.yaml. `dotnet run --project samples/N8nApi` prints demo keys and curl lines.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using N8nApi;

var app = N8nApiApp.Build(new WebApplicationOptions { Args = args });
await app.StartAsync();
N8nApiApp.PrintBanner(app, Console.Out);
await app.WaitForShutdownAsync();
