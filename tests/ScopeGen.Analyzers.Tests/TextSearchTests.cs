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
}
