using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace ScopeGen.Tests;

/// <summary>
/// Every relative link in README.md and docs/*.md points at a file or folder of the repository, and every
/// <c>#anchor</c> at a heading (GitHub's slugs) or an <c>id</c> in the target file.
/// </summary>
public class DocumentationLinkTests
{
    [Fact]
    public void Every_relative_link_and_anchor_in_the_README_and_docs_resolves()
    {
        var root = RepositoryRoot();
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md"))
            .ToList();
        Assert.True(files.Count > 5, "README.md and docs/*.md not found under " + root);

        var broken = files.SelectMany(file => DocumentationLinks.Broken(file, root)).ToList();

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void A_missing_file_a_missing_anchor_and_a_link_out_of_the_repository_are_reported()
    {
        var root = Path.Combine(Path.GetTempPath(), "scopegen-links-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "docs"));
        try
        {
            File.WriteAllText(Path.Combine(root, "docs", "b.md"), "# B\n\n## Fail closed\n\n<a id=\"scope001\"></a>\n");
            var a = Path.Combine(root, "docs", "a.md");
            File.WriteAllText(a, """
                # A: `the` title

                [ok](b.md#fail-closed) [ok id](b.md#scope001) [ok self](#a-the-title) [web](https://example.com/x.md#y)
                [no file](c.md) [no anchor](b.md#fail-open) [no self anchor](#nowhere) [outside](../../x.md)
                `[in code](d.md)`

                ```md
                [in a fence](e.md)
                ```
                """);

            var broken = DocumentationLinks.Broken(a, root).ToList();

            Assert.Equal(4, broken.Count);
            Assert.Contains(broken, b => b.Contains("c.md", StringComparison.Ordinal));
            Assert.Contains(broken, b => b.Contains("b.md#fail-open", StringComparison.Ordinal));
            Assert.Contains(broken, b => b.Contains("#nowhere", StringComparison.Ordinal));
            Assert.Contains(broken, b => b.Contains("../../x.md", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_help_link_of_every_manifest_diagnostic_is_an_anchor_of_docs_analyzers_md()
    {
        const string Prefix = "https://github.com/scopegen/scopegen/blob/main/docs/analyzers.md#";
        var anchors = DocumentationLinks.Anchors(Path.Combine(RepositoryRoot(), "docs", "analyzers.md"));
        var descriptors = ScopeGen.Generator.DiagnosticDescriptors.All.ToList();
        Assert.NotEmpty(descriptors);
        foreach (var descriptor in descriptors)
        {
            Assert.StartsWith(Prefix, descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.Contains(descriptor.HelpLinkUri[Prefix.Length..], anchors);
        }
    }

    [Theory]
    [InlineData("The sample: `samples/N8nApi`", "the-sample-samplesn8napi")]
    [InlineData("ASP.NET Core", "aspnet-core")]
    [InlineData("Where the types live, and `ScopeGenPublicApi`", "where-the-types-live-and-scopegenpublicapi")]
    [InlineData("Robustness and error budget", "robustness-and-error-budget")]
    [InlineData("The manifest format (version 1)", "the-manifest-format-version-1")]
    public void Heading_slugs_follow_GitHub(string heading, string slug) =>
        Assert.Equal(slug, DocumentationLinks.Slug(heading));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScopeGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ScopeGen.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Relative Markdown links and their anchors, as GitHub renders them.</summary>
internal static class DocumentationLinks
{
    private static readonly Regex InlineLink = new(@"\[(?:[^\[\]]|\[[^\]]*\])*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)", RegexOptions.CultureInvariant);
    private static readonly Regex ReferenceLink = new(@"^\s*\[[^\]]+\]:\s*(?<target>\S+)", RegexOptions.CultureInvariant);
    private static readonly Regex CodeSpan = new(@"`+[^`]*`+", RegexOptions.CultureInvariant);
    private static readonly Regex HtmlId = new(@"<a\s+[^>]*?(?:id|name)=""(?<id>[^""]+)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>"file:line: target (why)" for every relative link of <paramref name="markdownFile"/> that does not resolve inside <paramref name="root"/>.</summary>
    public static IEnumerable<string> Broken(string markdownFile, string root)
    {
        var directory = Path.GetDirectoryName(markdownFile)!;
        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var (line, target) in Links(markdownFile))
        {
            if (Regex.IsMatch(target, "^[a-zA-Z][a-zA-Z0-9+.-]*:"))
            {
                continue; // https:, mailto: and the like
            }

            var hash = target.IndexOf('#');
            var path = Uri.UnescapeDataString(hash >= 0 ? target[..hash] : target);
            var anchor = hash >= 0 ? target[(hash + 1)..] : null;
            var resolved = path.Length == 0 ? markdownFile : Path.GetFullPath(Path.Combine(directory, path));
            var where = $"{Path.GetRelativePath(root, markdownFile)}:{line}: {target}";
            if (!resolved.StartsWith(fullRoot, StringComparison.Ordinal))
            {
                yield return where + " (outside the repository)";
            }
            else if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                yield return where + " (no such file)";
            }
            else if (anchor is { Length: > 0 } && resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !Anchors(resolved).Contains(anchor))
            {
                yield return where + " (no such anchor)";
            }
        }
    }

    /// <summary>GitHub's heading slug: lower case, punctuation dropped (letters, digits, '-', '_' and spaces kept), spaces to '-'.</summary>
    public static string Slug(string heading)
    {
        var text = Regex.Replace(heading.Trim(), @"\[([^\]]*)\]\([^)]*\)", "$1"); // a link counts by its text
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    /// <summary>The anchors of a Markdown file: heading slugs (repeats numbered -1, -2, …) and HTML ids.</summary>
    public static HashSet<string> Anchors(string markdownFile)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, text) in ProseLines(markdownFile))
        {
            foreach (Match id in HtmlId.Matches(text))
            {
                anchors.Add(id.Groups["id"].Value);
            }

            var heading = Regex.Match(text, @"^#{1,6}\s+(?<text>.+?)\s*#*\s*$");
            if (heading.Success)
            {
                var slug = Slug(Regex.Replace(heading.Groups["text"].Value, "<[^>]+>", string.Empty));
                var seen = counts.TryGetValue(slug, out var n) ? n : 0;
                counts[slug] = seen + 1;
                anchors.Add(seen == 0 ? slug : $"{slug}-{seen}");
            }
        }

        return anchors;
    }

    private static IEnumerable<(int Line, string Target)> Links(string markdownFile)
    {
        foreach (var (line, text) in ProseLines(markdownFile))
        {
            var prose = CodeSpan.Replace(text, string.Empty);
            foreach (Match link in InlineLink.Matches(prose))
            {
                yield return (line, link.Groups["target"].Value);
            }

            if (ReferenceLink.Match(prose) is { Success: true } reference)
            {
                yield return (line, reference.Groups["target"].Value);
            }
        }
    }

    /// <summary>The lines outside fenced code blocks, numbered from 1.</summary>
    private static IEnumerable<(int Line, string Text)> ProseLines(string markdownFile)
    {
        var lines = File.ReadAllLines(markdownFile);
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            var marker = Regex.Match(trimmed, "^(`{3,}|~{3,})");
            if (fence is null && marker.Success)
            {
                fence = marker.Value;
                continue;
            }

            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim().Trim(fence[0]).Length == 0)
                {
                    fence = null;
                }

                continue;
            }

            yield return (i + 1, lines[i]);
        }
    }
}
