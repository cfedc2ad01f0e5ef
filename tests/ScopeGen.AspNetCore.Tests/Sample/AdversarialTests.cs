using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using N8nApi.Auth;
using N8nApi.Keys;

namespace ScopeGen.AspNetCore.Tests.Sample;

/// <summary>Keys and grants that try to look like the right one. Each is 401 or 403, never 2xx.</summary>
[Collection(N8nApiServerCollection.Name)]
public sealed class AdversarialTests
{
    private readonly N8nApiServer server;

    public AdversarialTests(N8nApiServer server)
    {
        this.server = server;
    }

    public static TheoryData<string> Grants()
    {
        var data = new TheoryData<string>();
        foreach (var grant in N8nApiServer.AdversarialGrants)
        {
            data.Add(grant);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Grants))]
    public async Task A_grant_that_only_resembles_the_scope_is_403(string grant)
    {
        using var create = await Send("POST", "/api/v1/workflows", server.AdversarialKey(grant), "{\"name\":\"x\"}");
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);

        // Joined with a comma, tab, newline or no-break space, neither part is granted.
        using var read = await Send("GET", "/api/v1/workflows/1", server.AdversarialKey(grant));
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    public static TheoryData<string> MalformedKeyVariants() => new()
    {
        "empty",
        "10 kB",
        "last character changed",
        "upper case",
        "truncated",
        "inner space",
        "inner tab",
        "the stored hash",
        "comma-joined with itself",
    };

    [Theory]
    [MemberData(nameof(MalformedKeyVariants))]
    public async Task A_malformed_or_unknown_key_is_401_even_when_built_from_a_full_key(string variant)
    {
        var full = server.FullKey;
        var key = variant switch
        {
            "empty" => string.Empty,
            "10 kB" => full + new string('a', 10 * 1024),
            "last character changed" => full[..^1] + (full[^1] == 'a' ? 'b' : 'a'),
            "upper case" => full.ToUpperInvariant(),
            "truncated" => full[..^4],
            "inner space" => full[..10] + " " + full[10..],
            "inner tab" => full[..10] + "\t" + full[10..],
            "the stored hash" => ApiKeySecrets.HashHex(full),
            "comma-joined with itself" => full + "," + full,
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };

        using var response = await Send("GET", "/api/v1/workflows", key);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_full_key_itself_succeeds_so_the_variants_above_are_meaningful()
    {
        using var response = await Send("GET", "/api/v1/workflows", server.FullKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_key_is_401()
    {
        using var response = await Send("GET", "/api/v1/workflows", server.ExpiredKey);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Two_key_headers_are_401_even_when_both_are_the_full_key()
    {
        // HttpClient would join repeated values into one line, so the request is written by hand.
        var status = await RawStatusAsync($"GET /api/v1/workflows HTTP/1.1\r\nHost: 127.0.0.1\r\nX-N8N-API-KEY: {server.FullKey}\r\nX-N8N-API-KEY: {server.FullKey}\r\nConnection: close\r\n\r\n");
        Assert.Equal(401, status);

        var single = await RawStatusAsync($"GET /api/v1/workflows HTTP/1.1\r\nHost: 127.0.0.1\r\nX-N8N-API-KEY: {server.FullKey}\r\nConnection: close\r\n\r\n");
        Assert.Equal(200, single);
    }

    [Fact]
    public async Task An_empty_key_header_is_401()
    {
        var status = await RawStatusAsync("GET /api/v1/workflows HTTP/1.1\r\nHost: 127.0.0.1\r\nX-N8N-API-KEY:\r\nConnection: close\r\n\r\n");
        Assert.Equal(401, status);
    }

    /// <summary>
    /// HTTP strips optional whitespace around a field value before the app sees it (RFC 9110 §5.5), so
    /// over the wire " key" is "key". The handler itself never trims: given a value with surrounding
    /// whitespace (as another server or a test host could deliver it) it refuses the key.
    /// </summary>
    [Theory]
    [InlineData(" {0}")]
    [InlineData("{0} ")]
    [InlineData("\t{0}")]
    [InlineData("{0}\n")]
    [InlineData("{0}\r\n")]
    public async Task The_handler_refuses_a_key_with_surrounding_whitespace(string format)
    {
        var result = await AuthenticateInProcessAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, server.FullKey));
        Assert.False(result.Succeeded);
        Assert.NotNull(result.Failure);

        Assert.True((await AuthenticateInProcessAsync(server.FullKey)).Succeeded);
    }

    [Fact]
    public async Task A_valid_key_becomes_one_space_delimited_scope_claim()
    {
        var result = await AuthenticateInProcessAsync(server.ReadOnlyKey);
        var claim = Assert.Single(result.Principal!.FindAll("scope"));
        Assert.Equal(string.Join(' ', N8n.Api.Scopes.Presets.ReadOnly), claim.Value);
    }

    [Fact]
    public async Task A_denial_is_logged_with_the_endpoint_and_required_scope_but_never_a_key()
    {
        using var response = await Send("POST", "/api/v1/tags", server.ReadOnlyKey, "{\"name\":\"x\"}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        var denials = server.Host.Logs.Entries.Where(entry => entry.Category == "ScopeGen.AspNetCore.ScopeRequirement").ToList();
        Assert.Contains(denials, entry => entry.Level == LogLevel.Information && entry.Message.Contains("HTTP: POST /api/v1/tags", StringComparison.Ordinal) && entry.Message.Contains("[tag:create]", StringComparison.Ordinal));
        var everything = server.Host.Logs.Entries.Select(entry => entry.Message).ToList();
        foreach (var key in server.AllKeys)
        {
            Assert.DoesNotContain(everything, message => message.Contains(key, StringComparison.Ordinal));
            Assert.DoesNotContain(everything, message => message.Contains(ApiKeySecrets.HashHex(key), StringComparison.Ordinal));
        }
    }

    /// <summary>Runs the sample's authentication handler on a request built in memory (one DI scope, as a request has).</summary>
    private async Task<AuthenticateResult> AuthenticateInProcessAsync(string headerValue)
    {
        await using var scope = server.Host.App.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers[ApiKeyAuthenticationHandler.HeaderName] = headerValue;
        return await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
    }

    private async Task<HttpResponseMessage> Send(string method, string path, string key, string? body = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.TryAddWithoutValidation(ApiKeyAuthenticationHandler.HeaderName, key);
        return await server.Client.SendAsync(request);
    }

    private async Task<int> RawStatusAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Host.BaseAddress.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new System.IO.StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync() ?? string.Empty;
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
