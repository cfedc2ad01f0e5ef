using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ScopeGen.Manifest;

namespace ScopeGen.Robustness.Tests.Harness;

/// <summary>One action of a generated manifest; Form 0: short form, 1: long form, 2: long form, deprecated.</summary>
internal sealed record ModelAction(string Name, string? Description, int Form);

internal sealed record ModelResource(string Name, string? Description, IReadOnlyList<ModelAction> Actions, bool FlowActions);

/// <summary>A valid manifest drawn from the grammar, with the scopes it must generate.</summary>
internal sealed record ModelManifest(string Separator, IReadOnlyList<ModelResource> Resources, IReadOnlyList<(string Name, IReadOnlyList<string> Entries)> Presets, int Indent, bool Comments)
{
    public override string ToString() => Yaml.Quote(Render());

    public IEnumerable<string> Scopes => Resources.SelectMany(r => r.Actions.Select(a => r.Name + Separator + a.Name));

    public string Render()
    {
        var pad = new string(' ', Indent);
        var text = new StringBuilder();
        if (Comments)
        {
            text.Append("# generated manifest\n");
        }

        text.Append("version: 1\nnamespace: Fuzz.Api\n");
        if (Separator != ":")
        {
            text.Append("separator: ").Append(Yaml.Quote(Separator)).Append('\n');
        }

        text.Append("resources:\n");
        foreach (var resource in Resources)
        {
            text.Append(pad).Append(resource.Name).Append(":\n");
            if (resource.Description is { } description)
            {
                text.Append(pad).Append(pad).Append("description: ").Append(Scalar(description)).Append('\n');
            }

            if (resource.FlowActions)
            {
                text.Append(pad).Append(pad).Append("actions: {")
                    .Append(string.Join(", ", resource.Actions.Select(a => a.Name + ": " + (a.Description is null ? "~" : Yaml.Quote(a.Description)))))
                    .Append("}\n");
                continue;
            }

            text.Append(pad).Append(pad).Append("actions:").Append(resource.Actions.Count == 0 ? " {}\n" : "\n");
            foreach (var action in resource.Actions)
            {
                var at = pad + pad + pad;
                if (action.Form == 0)
                {
                    text.Append(at).Append(action.Name).Append(": ").Append(action.Description is null ? string.Empty : Scalar(action.Description)).Append('\n');
                    continue;
                }

                text.Append(at).Append(action.Name).Append(":\n");
                if (action.Description is { } actionDescription)
                {
                    text.Append(at).Append(pad).Append("description: ").Append(Scalar(actionDescription)).Append('\n');
                }

                if (action.Form == 2)
                {
                    text.Append(at).Append(pad).Append("deprecated: Use another scope\n");
                }

                if (Comments)
                {
                    text.Append(at).Append(pad).Append("# end of ").Append(action.Name).Append('\n');
                }
            }
        }

        if (Presets.Count > 0)
        {
            text.Append("presets:\n");
            foreach (var (name, entries) in Presets)
            {
                text.Append(pad).Append(name).Append(":\n").Append(pad).Append(pad).Append("scopes: [")
                    .Append(string.Join(", ", entries.Select(Yaml.Quote))).Append("]\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Plain when that is safe to write plainly, double-quoted and escaped otherwise.</summary>
    private static string Scalar(string text) =>
        text.Length > 0 && char.IsLetter(text[0]) && text.All(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or ',') && !text.EndsWith(" ", StringComparison.Ordinal) && !IsNullWord(text)
            ? text
            : Yaml.Quote(text);

    private static bool IsNullWord(string text) => text is "null" or "Null" or "NULL";
}

/// <summary>The grammar of valid manifests, and mutations of their text.</summary>
internal static class ManifestGrammar
{
    private static readonly string[] Words = { "workflow", "credential", "user", "tag", "project", "variable", "execution", "source", "data", "table", "row", "key", "audit", "yes", "on", "null", "true", "x" };
    private static readonly string[] Separators = { ":", ".", "/", "::", "-", "|" };
    private static readonly string[] DescriptionPieces = { "Create", "a workflow", "\"quoted\"", "back\\slash", "*/", "</summary>", "{0}", "\n", "\u2028", "\u202E", "\t", "é", "\U0001F600", "&amp;", "#", ": colon", "- dash", "" };

    public static Gen<ModelManifest> Valid =>
        Gen.Choose(0, int.MaxValue).Select(seed => Build(new System.Random(seed)));

    /// <summary>A valid manifest's text with one to three mutations, and the description of what was done.</summary>
    public static Gen<MutatedManifest> Mutated =>
        Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var random = new System.Random(seed);
            var model = Build(random);
            var lines = model.Render().Split('\n').ToList();
            var applied = new List<string>();
            var count = random.Next(1, 4);
            for (var i = 0; i < count && lines.Count > 1; i++)
            {
                var at = random.Next(lines.Count);
                switch (random.Next(5))
                {
                    case 0:
                        applied.Add($"delete line {at}");
                        lines.RemoveAt(at);
                        break;
                    case 1:
                        applied.Add($"duplicate line {at}");
                        lines.Insert(at, lines[at]);
                        break;
                    case 2:
                        var other = random.Next(lines.Count);
                        applied.Add($"swap lines {at} and {other}");
                        (lines[at], lines[other]) = (lines[other], lines[at]);
                        break;
                    case 3:
                        var column = random.Next(lines[at].Length + 1);
                        var inserted = RandomBytes(random);
                        applied.Add($"insert {Yaml.Quote(inserted)} at line {at} column {column}");
                        lines[at] = lines[at].Insert(column, inserted);
                        break;
                    default:
                        var cut = random.Next(lines[at].Length + 1);
                        applied.Add($"truncate line {at} at {cut}");
                        lines[at] = lines[at].Substring(0, cut);
                        break;
                }
            }

            return new MutatedManifest(string.Join("\n", lines), string.Join("; ", applied));
        });

    private static ModelManifest Build(System.Random random)
    {
        var separator = random.Next(3) == 0 ? Separators[random.Next(Separators.Length)] : ":";
        var resources = new List<ModelResource>();
        var classMembers = new HashSet<string>(StringComparer.Ordinal) { "All", "IsDefined", "TryGetDescription", "Presets", "Scopes" };
        var values = new HashSet<string>(StringComparer.Ordinal);
        var resourceCount = random.Next(0, 6);
        for (var r = 0; r < resourceCount; r++)
        {
            var name = Name(random);
            if (!classMembers.Add(NameRules.ToIdentifier(name)))
            {
                continue;
            }

            var identifier = NameRules.ToIdentifier(name);
            var actionMembers = new HashSet<string>(StringComparer.Ordinal) { "All", identifier };
            var actions = new List<ModelAction>();
            var actionCount = random.Next(0, 7);
            for (var a = 0; a < actionCount; a++)
            {
                var actionName = Name(random);
                // Distinct identifiers and distinct scope values ('a-b' + '-' + 'c' is 'a' + '-' + 'b-c').
                if (!values.Contains(name + separator + actionName) && actionMembers.Add(NameRules.ToIdentifier(actionName)))
                {
                    values.Add(name + separator + actionName);
                    actions.Add(new ModelAction(actionName, random.Next(4) == 0 ? null : Description(random), random.Next(3)));
                }
            }

            resources.Add(new ModelResource(name, random.Next(3) == 0 ? Description(random) : null, actions, FlowActions: actions.Count > 0 && random.Next(5) == 0));
        }

        var scopes = resources.SelectMany(r => r.Actions.Select(a => r.Name + separator + a.Name)).ToList();
        var presets = new List<(string, IReadOnlyList<string>)>();
        var presetMembers = new HashSet<string>(StringComparer.Ordinal) { "Names", "TryGetScopes", "Presets" };
        if (scopes.Count > 0)
        {
            for (var p = random.Next(0, 3); p > 0; p--)
            {
                var name = Name(random);
                if (presetMembers.Add(NameRules.ToIdentifier(name)))
                {
                    var entries = random.Next(3) == 0 ? new[] { "*" } : scopes.Where(_ => random.Next(2) == 0).DefaultIfEmpty(scopes[0]).ToArray();
                    presets.Add((name, entries));
                }
            }
        }

        return new ModelManifest(separator, resources, presets, random.Next(2) == 0 ? 2 : 4, random.Next(2) == 0);
    }

    private static string Name(System.Random random)
    {
        var name = Words[random.Next(Words.Length)];
        if (random.Next(2) == 0)
        {
            name += (random.Next(3) switch { 0 => "-", 1 => "_", _ => string.Empty }) + Words[random.Next(Words.Length)];
        }

        return random.Next(4) == 0 ? name + random.Next(10) : name;
    }

    private static string Description(System.Random random) =>
        string.Join(" ", Enumerable.Range(0, random.Next(1, 5)).Select(_ => DescriptionPieces[random.Next(DescriptionPieces.Length)])).Trim(' ');

    private static string RandomBytes(System.Random random)
    {
        const string interesting = ":-[]{}&*!%#|>'\"\\\t\0\r\n ~?@`,\u00FF\uFEFF\u2028\uFFFD";
        var length = random.Next(1, 6);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(3) == 0 ? (char)random.Next(0, 0x3000) : interesting[random.Next(interesting.Length)];
        }

        return new string(chars);
    }
}

/// <summary>A mutated manifest text; ToString is what FsCheck prints for a counterexample.</summary>
internal sealed record MutatedManifest(string Text, string Mutations)
{
    public override string ToString() => $"mutations: {Mutations}\n{Yaml.Quote(Text)}";
}
