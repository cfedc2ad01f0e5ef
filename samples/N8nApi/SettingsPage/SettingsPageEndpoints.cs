using System;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace N8nApi.SettingsPage;

/// <summary>
/// Serves <c>/settings/api</c>: one HTML page with plain CSS and JS (no front-end build), embedded in
/// the assembly. The page is public; everything it shows comes from the cookie-authenticated /rest routes.
/// </summary>
public static class SettingsPageEndpoints
{
    public const string Path = "/settings/api";

    public static void MapSettingsPage(this IEndpointRouteBuilder app)
    {
        Serve(app, Path, "settings-api.html", "text/html; charset=utf-8");
        Serve(app, Path + "/settings-api.js", "settings-api.js", "text/javascript; charset=utf-8");
        Serve(app, Path + "/settings-api.css", "settings-api.css", "text/css; charset=utf-8");
    }

    private static void Serve(IEndpointRouteBuilder app, string route, string file, string contentType)
    {
        var bytes = Read(file);
        app.MapGet(route, (HttpContext context) =>
        {
            // Scripts come only from this origin; the page is never framed (clickjacking the delete button).
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(bytes, contentType);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static byte[] Read(string file)
    {
        using var stream = typeof(SettingsPageEndpoints).Assembly.GetManifestResourceStream("SettingsPage/" + file)
            ?? throw new InvalidOperationException($"The settings page file '{file}' is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
