using FsCheck;
using FsCheck.Fluent;
using N8n.Api;
using ScopeGen.Robustness.Tests.Harness;
using Xunit.Abstractions;
using ScopeSet = N8n.Api.Scopes.ScopeSet;

namespace ScopeGen.Generated.Tests;

/// <summary>
/// Property tests (FsCheck) of <c>Scopes.ScopeSet</c> against a <see cref="HashSet{T}"/> model over the
/// n8n manifest's 67 scopes. Replay a failure with SCOPEGEN_FSCHECK_SEED (printed in the message and output).
/// </summary>
public sealed class ScopeSetPropertyTests
{
    private const int Cases = 1_000;

    private readonly ITestOutputHelper output;

    public ScopeSetPropertyTests(ITestOutputHelper output) => this.output = output;

    /// <summary>Two random grants: each an entry list in random order, with duplicates, and the model of its scopes.</summary>
    private static Gen<(Grant A, Grant B)> Pairs =>
        Gen.Choose(0, int.MaxValue).Select(seed =>
        {
            var random = new Random(seed);
            return (Grant.Random(random), Grant.Random(random));
        });

    [Fact]
    public void Parse_of_ToString_is_the_same_set_and_ToString_is_canonical()
    {
        Properties.Check("round trip", Pairs, Cases, pair =>
        {
            var (grant, _) = pair;
            var set = ScopeSet.Parse(grant.Text);
            var text = set.ToString();

            Assert.Equal(set, ScopeSet.Parse(text));
            Assert.Equal(text, ScopeSet.Parse(text).ToString());
            // Canonical: the model's scopes, once each, in manifest order.
            Assert.Equal(Scopes.All.Where(grant.Model.Contains), text.Length == 0 ? Array.Empty<string>() : text.Split(' '));
        }, output);
    }

    [Fact]
    public void Order_duplicates_and_input_form_do_not_matter()
    {
        Properties.Check("order independence", Pairs, Cases, pair =>
        {
            var (grant, _) = pair;
            var fromText = ScopeSet.Parse(grant.Text);
            var reversed = ScopeSet.Parse(Enumerable.Reverse(grant.Entries));
            var distinct = ScopeSet.Parse(grant.Model.OrderBy(scope => scope, StringComparer.Ordinal));

            Assert.Equal(fromText, reversed);
            Assert.Equal(fromText, distinct);
            Assert.Equal(fromText.GetHashCode(), distinct.GetHashCode());
        }, output);
    }

    [Fact]
    public void Membership_and_count_agree_with_the_model()
    {
        Properties.Check("membership", Pairs, Cases, pair =>
        {
            var (grant, _) = pair;
            var set = ScopeSet.Parse(grant.Entries);

            Assert.Equal(grant.Model.Count, set.Count);
            Assert.Equal(grant.Model.Count == 0, set.IsEmpty);
            foreach (var scope in Scopes.All)
            {
                Assert.Equal(grant.Model.Contains(scope), set.Contains(scope));
            }
        }, output);
    }

    [Fact]
    public void Set_operations_and_relations_agree_with_the_model()
    {
        Properties.Check("set laws", Pairs, Cases, pair =>
        {
            var (a, b) = pair;
            var x = ScopeSet.Parse(a.Text);
            var y = ScopeSet.Parse(b.Text);

            AssertSame(a.Model.Union(b.Model), x.Union(y));
            AssertSame(a.Model.Intersect(b.Model), x.Intersect(y));
            AssertSame(a.Model.Except(b.Model), x.Except(y));
            Assert.Equal(a.Model.IsSubsetOf(b.Model), x.IsSubsetOf(y));
            Assert.Equal(a.Model.IsSupersetOf(b.Model), x.IsSupersetOf(y));
            Assert.Equal(a.Model.Overlaps(b.Model), x.Overlaps(y));
            Assert.Equal(a.Model.SetEquals(b.Model), x == y);

            // Laws that hold whatever the model says.
            Assert.Equal(x.Union(y), y.Union(x));
            Assert.Equal(x.Intersect(y), y.Intersect(x));
            Assert.True(x.IsSubsetOf(x.Union(y)));
            Assert.True(x.Intersect(y).IsSubsetOf(x));
            Assert.False(x.Except(y).Overlaps(y));
            Assert.Equal(x, x.Except(y).Union(x.Intersect(y)));
            Assert.Equal(x.IsSubsetOf(y), x.Union(y) == y);
            Assert.Equal(ScopeSet.All, x.Union(ScopeSet.All.Except(x)));
        }, output);
    }

    [Fact]
    public void Unknown_entries_are_reported_in_order_and_the_rest_is_kept()
    {
        Properties.Check("unknown entries", Pairs, Cases, pair =>
        {
            var (grant, _) = pair;
            var random = new Random(grant.Seed);
            var entries = grant.Entries.ToList();
            var unknown = new List<string>();
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                var typo = Typo(random);
                unknown.Add(typo);
                entries.Insert(random.Next(entries.Count + 1), typo);
            }

            Assert.False(ScopeSet.TryParse(string.Join(" ", entries), ScopeSet.ParseOptions.None, out var set, out var errors));
            Assert.Equal(entries.Where(entry => unknown.Contains(entry)), errors.Select(error => error.Text));
            AssertSame(grant.Model, set);
            Assert.All(errors, error => Assert.True(error.Suggestion is null || Scopes.IsDefined(error.Suggestion), error.Message));
            var message = Assert.Throws<FormatException>(() => ScopeSet.Parse(entries)).Message;
            Assert.All(unknown, typo => Assert.Contains("'" + typo + "'", message, StringComparison.Ordinal));
        }, output);
    }

    private static void AssertSame(IEnumerable<string> model, ScopeSet set) =>
        Assert.Equal(Scopes.All.Where(model.ToHashSet(StringComparer.Ordinal).Contains), set);

    /// <summary>A scope with one character changed, swapped, dropped or case-flipped, or a made-up word: rarely a defined scope.</summary>
    private static string Typo(Random random)
    {
        while (true)
        {
            var scope = Scopes.All[random.Next(Scopes.All.Count)];
            var at = random.Next(scope.Length);
            var typo = random.Next(5) switch
            {
                0 => scope.Remove(at, 1),
                1 => scope.Insert(at, "x"),
                2 => at + 1 < scope.Length ? scope.Substring(0, at) + scope[at + 1] + scope[at] + scope.Substring(at + 2) : scope + "s",
                3 => scope.ToUpperInvariant(),
                _ => "made:up" + random.Next(1000),
            };
            if (!Scopes.IsDefined(typo))
            {
                return typo;
            }
        }
    }

    /// <summary>A grant as a client sends it: entries in random order, duplicates included, and the set they mean.</summary>
    private sealed record Grant(int Seed, IReadOnlyList<string> Entries, HashSet<string> Model)
    {
        public string Text => string.Join(" ", Entries);

        public static Grant Random(Random random)
        {
            var seed = random.Next();
            // Small, large and full grants all occur: a density per grant, then a coin per scope.
            var density = random.NextDouble();
            var model = new HashSet<string>(Scopes.All.Where(_ => random.NextDouble() < density), StringComparer.Ordinal);
            var entries = model.Concat(model.Where(_ => random.Next(4) == 0)).OrderBy(_ => random.Next()).ToList();
            return new Grant(seed, entries, model);
        }

        public override string ToString() => $"[{Text}]";
    }
}
