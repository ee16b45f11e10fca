using PPNBlog.Generator.Html;

namespace PPNBlog.Generator.Tests.Html;

/// <summary>The word counter counts eight ASCII characters at a time: it must count what one at a time would.</summary>
public sealed class WordCounterTests
{
    /// <summary>Words as splitting at char.IsWhiteSpace gives them, the text taken whole.</summary>
    private static int Reference(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [Fact]
    public void Every_character_is_space_or_not_as_char_IsWhiteSpace_says()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            // The character alone, and in the middle of a run of eight between letters.
            foreach (var text in new[] { ((char)c).ToString(), "abc" + (char)c + "defg" + (char)c + "hijklmnop" })
            {
                var words = new WordCounter();
                words.Add(text);
                Assert.True(Reference(text) == words.Count, $"U+{c:X4} in \"{text}\": {words.Count} words, not {Reference(text)}");
            }
        }
    }

    [Fact]
    public void Random_text_fed_in_random_pieces_gives_the_count_of_the_whole()
    {
        var random = new Random(8);
        char[] alphabet = ['a', 'Z', '9', '.', ' ', ' ', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u0085', '\u2003', '\u3000', '\u2028', '’', 'é', '\u001c', '\0'];
        for (var round = 0; round < 3_000; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 200)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var words = new WordCounter();
            for (var at = 0; at < text.Length;)
            {
                var length = random.Next(0, Math.Min(40, text.Length - at) + 1);
                words.Add(text.AsSpan(at, length));
                at += length;
            }
            Assert.True(Reference(text) == words.Count, $"\"{text}\": {words.Count} words, not {Reference(text)}");
        }
    }
}
