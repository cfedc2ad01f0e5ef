using Microsoft.CodeAnalysis.Text;

namespace ScopeGen.Analyzers.Tests;

/// <summary>The chunked search the call-site lookup uses instead of SourceText.ToString().</summary>
public class TextSearchTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4090)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(8190)]
    [InlineData(10000)]
    public void Finds_a_name_at_any_offset_including_across_a_chunk_boundary(int offset)
    {
        var text = SourceText.From(new string('x', offset) + "MapControllers" + new string('y', 50));
        Assert.True(TextSearch.Contains(text, "MapControllers"));
        Assert.False(TextSearch.Contains(text, "MapControllerz"));
    }

    [Fact]
    public void A_text_shorter_than_the_name_or_ending_inside_it_has_no_match()
    {
        Assert.False(TextSearch.Contains(SourceText.From("MapCon"), "MapControllers"));
        Assert.False(TextSearch.Contains(SourceText.From(new string('x', 4096) + "MapControl"), "MapControllers"));
        Assert.True(TextSearch.Contains(SourceText.From(new string('x', 4096) + "MapControllers"), "MapControllers"));
    }

    [Theory]
    [InlineData(4090)]
    [InlineData(4100)]
    [InlineData(8185)]
    public void A_text_just_short_of_a_chunk_boundary_without_the_name_is_searched_to_its_end(int length)
    {
        // The last chunk must not start past the text's end, whatever the name's length.
        Assert.False(TextSearch.Contains(SourceText.From(new string('x', length)), "MapControllers"));
        Assert.True(TextSearch.Contains(SourceText.From(new string('x', length) + "MapControllers"), "MapControllers"));
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(9000)]
    public void A_name_longer_than_a_chunk_is_found_or_not(int nameLength)
    {
        var name = new string('n', nameLength - 1) + "!";
        Assert.True(TextSearch.Contains(SourceText.From("start " + name + " end"), name));
        Assert.True(TextSearch.Contains(SourceText.From(name + " end"), name));
        Assert.False(TextSearch.Contains(SourceText.From("start " + name.Substring(1) + " end"), name));
    }
}
