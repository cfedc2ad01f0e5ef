using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using ScopeGen.Manifest;

namespace ScopeGen.Cli;

/// <summary>
/// The HTML scope reference: one self-contained page (inline style and script, no external
/// resources) with a search box that filters the rows. Every manifest text is HTML-encoded.
/// </summary>
public static class HtmlDocs
{
    private const string Style =
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;color:#1b1b1f;background:#fff}" +
        "h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.05rem;margin:1.5rem 0 .5rem}" +
        "table{border-collapse:collapse;width:100%;margin-bottom:.5rem}th,td{border:1px solid #d0d0d7;padding:.35rem .6rem;text-align:left;vertical-align:top}" +
        "th{background:#f3f3f6}td:first-child{white-space:nowrap;width:1%}code{font-family:ui-monospace,Consolas,monospace;font-size:.9em}" +
        ".search{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #e4e4ea}" +
        "#search{font-size:1rem;padding:.4rem .6rem;width:100%;max-width:28rem;box-sizing:border-box}" +
        ".deprecated{color:#8a4b00}.count{color:#5b5b66;font-size:.9rem;margin:.3rem 0 0}[hidden]{display:none!important}";

    // Filters rows by case-insensitive substring of scope and description; hides sections left empty.
    private const string Script =
        "(function(){" +
        "var input=document.getElementById('search');var count=document.getElementById('count');" +
        "var rows=Array.prototype.slice.call(document.querySelectorAll('tr.scope'));" +
        "var sections=Array.prototype.slice.call(document.querySelectorAll('section.resource'));" +
        "function apply(){var q=input.value.trim().toLowerCase();var shown=0;" +
        "rows.forEach(function(row){var hit=q===''||row.textContent.toLowerCase().indexOf(q)>=0;row.hidden=!hit;if(hit){shown++;}});" +
        "sections.forEach(function(s){s.hidden=s.querySelector('tr.scope:not([hidden])')===null;});" +
        "count.textContent=shown+' of '+rows.length+' scopes';}" +
        "input.addEventListener('input',apply);apply();" +
        "})();";

    /// <summary>Renders the catalog.</summary>
    public static string Render(ScopeCatalog catalog, OpenApiOperations? operations = null)
    {
        var title = catalog.Classes.Count == 1 ? catalog.Classes[0].FullName : "Scopes";
        var total = catalog.Classes.Sum(c => c.AllScopes.Count());
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta name=\"generator\" content=\"scopegen\">\n");
        html.Append("<title>").Append(Encode(title)).Append(" \u2014 scope reference</title>\n");
        html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<div class=\"search\">\n<label for=\"search\">Search scopes</label><br>\n");
        html.Append("<input id=\"search\" type=\"search\" placeholder=\"workflow, read, delete\u2026\" autocomplete=\"off\">\n");
        html.Append("<p id=\"count\" class=\"count\" aria-live=\"polite\">").Append(total).Append(" scopes</p>\n</div>\n");

        for (var classIndex = 0; classIndex < catalog.Classes.Count; classIndex++)
        {
            var scopeClass = catalog.Classes[classIndex];
            html.Append("<h1>").Append(Encode(scopeClass.FullName)).Append("</h1>\n");
            html.Append("<p>").Append(CheckCommand.Plural(scopeClass.AllScopes.Count(), "scope")).Append(" in ")
                .Append(CheckCommand.Plural(scopeClass.Resources.Count, "resource")).Append(".</p>\n");
            foreach (var resource in scopeClass.Resources)
            {
                html.Append("<section class=\"resource\" id=\"c").Append(classIndex).Append('-').Append(Encode(resource.Name)).Append("\">\n");
                html.Append("<h3>").Append(Encode(MarkdownDocs.Heading(resource))).Append("</h3>\n");
                html.Append(operations is null
                    ? "<table>\n<thead><tr><th>Scope</th><th>Description</th></tr></thead>\n<tbody>\n"
                    : "<table>\n<thead><tr><th>Scope</th><th>Description</th><th>Operations</th></tr></thead>\n<tbody>\n");
                foreach (var scope in resource.Scopes)
                {
                    html.Append("<tr class=\"scope").Append(scope.IsDeprecated ? " deprecated" : string.Empty).Append(scope.IsReserved ? " reserved" : string.Empty).Append("\"><td><code>")
                        .Append(Encode(scope.Value)).Append("</code></td><td>").Append(Prose(MarkdownDocs.DescriptionText(scope))).Append("</td>")
                        .Append(operations is null ? string.Empty : "<td>" + OperationsCell(operations.For(scope.Value)) + "</td>").Append("</tr>\n");
                }

                html.Append("</tbody>\n</table>\n</section>\n");
            }

            if (scopeClass.Presets.Count > 0)
            {
                html.Append("<h2>Presets</h2>\n<table>\n<thead><tr><th>Preset</th><th>Description</th><th>Scopes</th></tr></thead>\n<tbody>\n");
                foreach (var preset in scopeClass.Presets)
                {
                    html.Append("<tr><td><code>").Append(Encode(preset.Name)).Append("</code></td><td>").Append(Prose(preset.Description ?? string.Empty))
                        .Append("</td><td>").Append(string.Join(", ", preset.Scopes.Select(scope => "<code>" + Encode(scope) + "</code>"))).Append("</td></tr>\n");
                }

                html.Append("</tbody>\n</table>\n");
            }
        }

        html.Append("<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string OperationsCell(IReadOnlyList<OpenApiOperation> operations) =>
        operations.Count == 0 ? "(none)" : string.Join("<br>", operations.Select(operation => "<code>" + Encode(operation.ToString()) + "</code>"));

    /// <summary>Encodes a description, turning paired `code` spans into &lt;code&gt; (after encoding, so nothing else becomes markup).</summary>
    private static string Prose(string text)
    {
        var parts = Encode(text).Split('`');
        if (parts.Length < 3 || parts.Length % 2 == 0)
        {
            return Encode(text);
        }

        var html = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            html.Append(i % 2 == 1 ? "<code>" + parts[i] + "</code>" : parts[i]);
        }

        return html.ToString();
    }
}
