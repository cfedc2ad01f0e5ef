using global::Grpc.Core;
using global::Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using ScopeGen.Hosts.Tests.Infrastructure;

namespace ScopeGen.Hosts.Tests.Grpc;

/// <summary>gRPC over HTTP/2 without TLS (h2c) on loopback: service and method scopes are enforced.</summary>
public sealed class GrpcTests
{
    [Fact]
    public async Task Service_and_method_scopes_are_enforced()
    {
        await using var host = await HostApp.StartAsync(
            builder =>
            {
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
                HostApp.ScopeAuthorization(builder);
                builder.Services.AddGrpc();
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapGrpcService<WorkflowsService>();
            });
        using var channel = GrpcChannel.ForAddress(host.BaseAddress);
        var client = new Workflows.WorkflowsClient(channel);

        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => ReadAsync(client, scopes: null))).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => ReadAsync(client, Caller.WrongScopes))).StatusCode);
        Assert.Equal("read 1", await ReadAsync(client, "workflow:read"));

        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => DeleteAsync(client, "workflow:read"))).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => DeleteAsync(client, "workflow:delete"))).StatusCode);
        Assert.Equal("deleted 1", await DeleteAsync(client, "workflow:read workflow:delete"));
    }

    private static async Task<string> ReadAsync(Workflows.WorkflowsClient client, string? scopes) =>
        (await client.ReadAsync(new WorkflowRequest { Id = "1" }, Headers(scopes))).Result;

    private static async Task<string> DeleteAsync(Workflows.WorkflowsClient client, string? scopes) =>
        (await client.DeleteAsync(new WorkflowRequest { Id = "1" }, Headers(scopes))).Result;

    private static Metadata Headers(string? scopes)
    {
        var headers = new Metadata();
        if (scopes is not null)
        {
            headers.Add(ScopeHeaderAuthenticationHandler.HeaderName.ToLowerInvariant(), scopes);
        }

        return headers;
    }
}
