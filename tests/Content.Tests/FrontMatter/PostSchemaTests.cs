using PPNBlog.Content.Model;

namespace PPNBlog.Content.Tests.FrontMatter;

public class PostSchemaTests
{
    private const string Valid = """
        ---
        title: "Small acts: big difference"
        date: 2021-01-18
        author: Sam Patel
        role: Clinical Psychologist, PPN London
        commitments: [put-people-first, transform-and-innovate]
        kind: keynote
        tags: [letters, small-acts]
        summary: Tailoring a letter.
        event: Psychological Professions Week 2020
        ---

        The body.
        """;

    [Fact]
    public void Reads_every_field_of_a_valid_post()
    {
        using var content = new TestContent();
        var post = content.ReadPost(Valid, "2021-01-18-small-acts.md");

        Assert.NotNull(post);
        Assert.Empty(content.Lines);
        Assert.Equal("small-acts", post.Slug);
        Assert.Equal("Small acts: big difference", post.Title);
        Assert.Equal(new DateOnly(2021, 1, 18), DateOnly.FromDateTime(post.Date.Value.DateTime));
        Assert.False(post.Date.HasTime);
        Assert.Equal("Sam Patel", post.FrontMatter.Author);
        Assert.Equal("Clinical Psychologist, PPN London", post.FrontMatter.Role);
        Assert.Equal(["put-people-first", "transform-and-innovate"], post.FrontMatter.Commitments);
        Assert.Equal(PostKind.Keynote, post.FrontMatter.Kind);
        Assert.Equal(["letters", "small-acts"], post.FrontMatter.Tags);
        Assert.Equal("Psychological Professions Week 2020", post.FrontMatter.Event);
        Assert.Equal(12, post.Source.BodyFirstLine);
        Assert.Contains("The body.", post.Body);
    }

    [Theory]
    [InlineData("title: \"Bidi \\u202E override\"", "title", 2)]
    [InlineData("author: \"Dr Jane \u202ESmith\"", "author", 4)]
    [InlineData("role: \"Psychologist \u2067lead\"", "role", 5)]
    public void A_text_value_with_a_direction_override_is_refused_with_the_value_written_without(string line, string key, int lineNumber)
    {
        using var content = new TestContent();
        var text = Valid.Replace(Valid.Split('\n').First(l => l.StartsWith(key + ":", StringComparison.Ordinal)), line);

        Assert.Null(content.ReadPost(text, "2021-01-18-bidi.md"));
        var error = Assert.Single(content.Lines);
        Assert.Contains($":{lineNumber}:", error);
        Assert.Contains($"error PPN004: '{key}' holds a character that changes the direction of the text after it", error);
        Assert.Contains($"Write it without: {key}: \"", error);
    }

    [Fact]
    public void A_header_image_address_holding_a_password_is_refused_with_the_address_without_it()
    {
        using var content = new TestContent();
        var text = Valid.Replace("event: Psychological Professions Week 2020", "image: https://user:secret@example.org/a.jpg\nimage_alt: A team");

        Assert.Null(content.ReadPost(text, "2021-01-18-password.md"));
        var error = Assert.Single(content.Lines);
        Assert.Contains(":10:8: error PPN004: 'image' holds a user name or password", error);
        Assert.Contains("image: https://example.org/a.jpg", error);
    }

    [Fact]
    public void A_bundle_takes_its_slug_from_the_folder()
    {
        using var content = new TestContent();
        var post = content.ReadPost(Valid, "2020-12-14-day-one/index.md");
        Assert.Equal("day-one", post!.Slug);
    }

    [Theory]
    [InlineData("title", 2)]
    [InlineData("date", 3)]
    [InlineData("author", 4)]
    [InlineData("commitments", 6)]
    public void A_missing_required_field_is_reported_at_the_block(string field, int line)
    {
        using var content = new TestContent();
        var text = string.Join('\n', Valid.Split('\n').Where((l, i) => i + 1 != line));
        Assert.Null(content.ReadPost(text));
        Assert.Contains($"post.md:1:1: error PPN003: required field '{field}' is missing", Assert.Single(content.Lines));
    }

    [Fact]
    public void A_missing_date_is_suggested_from_a_jekyll_file_name()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("date: 2021-01-18\n", ""), "2015-03-18-sunshine-week.md"));
        Assert.Contains("(hint: The file name starts with 2015-03-18: add 'date: 2015-03-18' to the front matter.)", Assert.Single(content.Lines));
    }

    [Fact]
    public void Malformed_yaml_names_the_line_in_the_file()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost("---\ntitle: ok\ndate: 2021-01-01\nauthor: [unclosed\n---\nBody\n"));
        var line = Assert.Single(content.Lines);
        Assert.StartsWith("post.md:4:9: error PPN001: invalid YAML: the '[' here is never closed", line);
    }

    [Theory]
    // YamlDotNet fails on these with InvalidOperationException or ArgumentException, not YamlException (found by fuzzing).
    [InlineData("title: [unclosed\ndate: 2021-01-01\nauthor: a\ncommitments: put-people-first\n", 2)]
    [InlineData("title: t\ndate: 2021-01-01\nauthor: a\ncommitments: [p[ut-people-first, tran[sform]\ntags: [a, b]\n", 5)]
    public void Yaml_that_stops_its_parser_without_saying_where_is_an_error_where_it_stopped(string yaml, int line)
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost($"---\n{yaml}---\nBody\n"));
        Assert.Matches($@"^post\.md:{line}:\d+: error PPN001: invalid YAML: it cannot be read past this point \(hint: Check that each '\[' and", Assert.Single(content.Lines));
    }

    [Fact]
    public void A_byte_order_mark_inside_the_front_matter_is_an_error_where_it_is()
    {
        // YamlDotNet fails on this one with ArgumentException at the end of the front matter.
        using var content = new TestContent();
        Assert.Null(content.ReadPost("---\ntitle: t\nnested:\n  - : 1\n    b: [x, {y:\uFEFF z}]\n---\nBody\n"));
        Assert.StartsWith("post.md:5:15: error PPN001: the front matter holds an invisible byte-order mark (U+FEFF)", Assert.Single(content.Lines));
    }

    [Fact]
    public void A_colon_in_an_unquoted_value_gets_a_plain_english_hint()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("title: \"Small acts: big difference\"", "title: Small acts: big difference")));
        var line = Assert.Single(content.Lines);
        Assert.StartsWith("post.md:2:", line);
        Assert.Contains("Put the whole value in double quotes", line);
    }

    [Theory]
    [InlineData("title:Hello\ndate: 2021-01-01", "post.md:2:6: error PPN001: there is no space after the colon in 'title:Hello' (hint: Write a space after the colon: 'title: Hello'.)")]
    [InlineData("title: t\ndate:2021-01-01\nauthor: a", "post.md:3:5: error PPN001: there is no space after the colon in 'date:2021-01-01' (hint: Write a space after the colon: 'date: 2021-01-01'.)")]
    [InlineData("title: \u201CPart one: the start\u201D\ndate: 2021-01-01", "post.md:2:17: error PPN001: invalid YAML: While scanning a plain scalar value, found invalid mapping. "
        + "(hint: Curly quotes (\u201C \u201D \u2018 \u2019) are letters to YAML, not quotes: use straight double quotes, e.g. title: \"Part one: the start\".)")]
    [InlineData("title: t\ncommitments:\n  - a\n\t- put-people-first", "post.md:5:1: error PPN001: invalid YAML: While scanning a plain scalar, found a tab character that violate indentation. "
        + "(hint: Indent with spaces, not tabs: YAML does not allow a tab there.)")]
    [InlineData("title: \"Why \"people first\" matters\"\ndate: 2021-01-01", "post.md:2:13: error PPN001: a double quote inside the quoted value ends it early, so the text after it cannot be read "
        + "(hint: Quote the value so that its own quotes do not end it: title: 'Why \"people first\" matters')")]
    [InlineData("title: 'It's here'", "post.md:2:11: error PPN001: an apostrophe inside the single-quoted value ends it early, so the text after it cannot be read "
        + "(hint: Quote the value so that its own quotes do not end it: title: \"It's here\")")]
    [InlineData("title: t\nsummary: \"It's \"quoted\" here\"", "post.md:3:16: error PPN001: a double quote inside the quoted value ends it early, so the text after it cannot be read "
        + "(hint: Quote the value so that its own quotes do not end it: summary: \"It's \\\"quoted\\\" here\")")]
    [InlineData("title: \"wrapped\n  with \"inner\" quote\"", "post.md:3:8: error PPN001: a double quote inside the quoted value ends it early, so the text after it cannot be read "
        + "(hint: Write each \" inside the value as \\\", or put the whole value in single quotes.)")]
    [InlineData("title: \"left open\ndate: 2021-01-01\nauthor: \"Sam\"", "post.md:2:8: error PPN001: the quote that opens this value is not closed on its line, so the lines after it were read as part of the value "
        + "(hint: Close the quote at the end of the value: title: \"left open\")")]
    [InlineData("title: \"never closed\ndate: 2021-01-01", "post.md:2:8: error PPN001: the quote that opens this value is not closed on its line, so the lines after it were read as part of the value "
        + "(hint: Close the quote at the end of the value: title: \"never closed\")")]
    [InlineData("title: [Draft] Notes", "post.md:2:8: error PPN001: YAML reads a value that starts with '[' as a list (hint: Put the whole value in double quotes: title: \"[Draft] Notes\")")]
    [InlineData("title: {x} y", "post.md:2:8: error PPN001: YAML reads a value that starts with '{' as a set of 'key: value' pairs (hint: Put the whole value in double quotes: title: \"{x} y\")")]
    [InlineData("title: @ppn news", "post.md:2:8: error PPN001: a value cannot start with '@' in YAML (it is reserved) (hint: Put the whole value in double quotes: title: \"@ppn news\")")]
    [InlineData("title: `code` here", "post.md:2:8: error PPN001: a value cannot start with '`' in YAML (it is reserved) (hint: Put the whole value in double quotes: title: \"`code` here\")")]
    [InlineData("title: *new* ideas", "post.md:2:8: error PPN001: YAML reads a value that starts with '*' as a reference to another value (an alias) (hint: Put the whole value in double quotes: title: \"*new* ideas\")")]
    [InlineData("title: > quoted", "post.md:2:8: error PPN001: YAML reads a value that starts with '>' as the start of text on the lines below (hint: Put the whole value in double quotes: title: \"> quoted\")")]
    [InlineData("title: t\ntags:\n  - ok\n  - [a] b", "post.md:5:5: error PPN001: YAML reads a value that starts with '[' as a list (hint: Put the whole value in double quotes: - \"[a] b\")")]
    // YAML reads these without an error, keeping only the words after the first: they are refused, not published cut short.
    [InlineData("title: !Important news", "post.md:2:8: error PPN001: YAML reads a value that starts with '!' as a type for the value (a tag), not as text (hint: Put the whole value in double quotes: title: \"!Important news\")")]
    // A tag of YAML's own is refused as well, even one that keeps the text: front matter has no use for types.
    [InlineData("title: t\nauthor: !!str Sam Patel", "post.md:3:9: error PPN001: YAML reads a value that starts with '!' as a type for the value (a tag), not as text (hint: Put the whole value in double quotes: author: \"!!str Sam Patel\")")]
    [InlineData("title: &more to come", "post.md:2:8: error PPN001: YAML reads a value that starts with '&' as a name for the value (an anchor), not as text (hint: Put the whole value in double quotes: title: \"&more to come\")")]
    // A list left open on the last line: YamlDotNet stops at the closing '---'.
    [InlineData("title: t\ncommitments: [put-people-first", "post.md:3:14: error PPN001: invalid YAML: the '[' here is never closed (hint: Check that each '[' and '{' is closed on its line and each quote is matched; put a value that starts with one of them in double quotes.)")]
    public void Common_yaml_slips_are_explained_where_they_are(string yaml, string line)
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost($"---\n{yaml}\n---\nBody\n"));
        Assert.Equal([line], content.Lines);
    }

    [Theory]
    [InlineData("\\u200B")]
    [InlineData("\\u2060\\uFEFF\\u00AD")]
    [InlineData("\\u3164")]
    public void A_title_of_characters_that_show_as_nothing_is_empty(string escaped)
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("title: \"Small acts: big difference\"", $"title: \"{escaped}\"")));
        Assert.Equal(["post.md:2:8: error PPN003: required field 'title' is empty (hint: It holds only characters that show as nothing (such as a zero-width space): write its text.)"],
            content.Lines);
    }

    [Fact]
    public void A_title_with_an_invisible_character_beside_its_words_is_kept()
    {
        using var content = new TestContent();
        Assert.Equal("Small\u200B acts", content.ReadPost(Valid.Replace("title: \"Small acts: big difference\"", "title: \"Small\\u200B acts\""))!.FrontMatter.Title);
    }

    [Fact]
    public void A_required_value_lost_to_a_yaml_comment_says_so()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("title: \"Small acts: big difference\"", "title: #1 small act")));
        Assert.Equal(["post.md:2:1: error PPN003: required field 'title' is empty (hint: '#' starts a comment in YAML, so the rest of the line was left out: "
            + "put the value in double quotes, e.g. title: \"#1 small act\".)"], content.Lines);
    }

    [Fact]
    public void A_title_in_square_brackets_is_a_list_to_yaml_and_the_hint_quotes_it()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("title: \"Small acts: big difference\"", "title: [Draft] # for now")));
        Assert.Equal(["post.md:2:8: error PPN004: 'title' should be a single line of text, not a list (hint: If it is text, put it in double quotes: title: \"[Draft]\")"], content.Lines);
    }

    [Theory]
    // Whatever is written, a flag says it should be true or false, and a list of one value is written as that value.
    [InlineData("draft: [true]", "post.md:11:8: error PPN004: 'draft' should be true or false, not a list (hint: Write it as one value, not a list: draft: true)")]
    [InlineData("draft:\n  - \"no\"", "post.md:12:3: error PPN004: 'draft' should be true or false, not a list (hint: Write it as one value, not a list: draft: \"no\")")]
    [InlineData("draft: [maybe]", "post.md:11:8: error PPN004: 'draft' should be true or false, not a list (hint: Write draft: true or draft: false.)")]
    [InlineData("draft: {value: true}", "post.md:11:8: error PPN004: 'draft' should be true or false, not a set of 'key: value' pairs (hint: Write draft: true or draft: false.)")]
    [InlineData("draft: maybe", "post.md:11:8: error PPN004: 'draft' should be true or false, not 'maybe' (hint: Write draft: true or draft: false.)")]
    [InlineData("date: [2021-01-18]", "post.md:3:7: error PPN005: 'date' should be a date, not a list (hint: Write it as one value, not a list: date: 2021-01-18)")]
    [InlineData("date: [18 January 2021]", "post.md:3:7: error PPN005: 'date' should be a date, not a list (hint: Write the date as YYYY-MM-DD (e.g. 2020-12-14) or a date-time with an offset (e.g. 2020-12-14T09:30:00+00:00).)")]
    [InlineData("kind: [blog]", "post.md:7:7: error PPN004: 'kind' should be a single line of text, not a list (hint: Write it as one value, not a list: kind: blog)")]
    public void A_value_of_a_type_written_as_a_list_is_told_what_it_should_be_with_a_hint_that_fixes_it(string line, string expected)
    {
        using var content = new TestContent();
        var key = line[..line.IndexOf(':')];
        var text = key == "draft" ? Valid.Replace("event: Psychological Professions Week 2020", "event: Psychological Professions Week 2020\n" + line)
            : Valid.Replace(Valid.Split('\n').First(l => l.StartsWith(key + ":", StringComparison.Ordinal)), line);

        Assert.Null(content.ReadPost(text));
        Assert.Equal([expected], content.Lines);
    }

    [Theory]
    [InlineData("tags:\n- anxiety\n - young people\n- schools",
        "post.md:10:2: error PPN004: 'anxiety - young people' joins two items of 'tags': the line ' - young people' is indented one space more than the item above it, so YAML reads it as the same item (hint: Line the '-' up under the one above.)")]
    [InlineData("tags:\n  - anxiety\n    - young people\n    - schools",
        "post.md:10:5: error PPN004: 'anxiety - young people - schools' joins three items of 'tags': the line '    - young people' is indented two spaces more than the item above it, so YAML reads it as the same item (hint: Line the '-' up under the one above.)")]
    [InlineData("tags:\n  -\n    anxiety\n   - young people",
        "post.md:11:4: error PPN004: 'anxiety - young people' joins two items of 'tags': the line '   - young people' is indented one space more than the item above it, so YAML reads it as the same item (hint: Line the '-' up under the one above.)")]
    public void A_list_item_indented_under_the_one_above_is_refused_where_it_is_as_it_would_join_two_tags(string tags, string expected)
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("tags: [letters, small-acts]", tags)));
        Assert.Equal([expected], content.Lines);
    }

    [Fact]
    public void A_commitment_indented_under_the_one_above_is_told_where_the_slip_is()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("commitments: [put-people-first, transform-and-innovate]", "commitments:\n- put-people-first\n - transform-and-innovate")));
        Assert.Equal([
            "post.md:7:3: error PPN006: unknown commitment 'put-people-first - transform-and-innovate' (hint: Known commitments: help-our-communities-to-thrive, put-people-first, transform-and-innovate.)",
            "post.md:8:2: error PPN004: 'put-people-first - transform-and-innovate' joins two items of 'commitments': the line ' - transform-and-innovate' is indented one space more than the item above it, so YAML reads it as the same item (hint: Line the '-' up under the one above.)",
        ], content.Lines);
    }

    [Theory]
    [InlineData("tags: [anxiety,\n  young people, schools]", new[] { "anxiety", "young people", "schools" })]
    [InlineData("tags:\n- children and young people's mental health -\n  a long tag\n- schools", new[] { "children and young people's mental health - a long tag", "schools" })]
    [InlineData("tags:\n- anxiety\n- young people\n- schools", new[] { "anxiety", "young people", "schools" })]
    public void Tags_wrapped_over_lines_without_a_dash_starting_one_are_read_as_written(string tags, string[] expected)
    {
        using var content = new TestContent();
        var post = content.ReadPost(Valid.Replace("tags: [letters, small-acts]", tags));
        Assert.Empty(content.Lines);
        Assert.Equal(expected, post!.FrontMatter.Tags);
    }

    [Theory]
    [InlineData("summary: \"Read *this* and [the report](https://x.org) &amp; <b>bold</b>\"",
        "post.md:9:16: warning PPN041: 'summary' is shown as plain text, so readers would see '*this*', '[the report](https://x.org)', '&amp;', '<b>' and 1 more as written (hint: Write it without Markdown or HTML: summary: \"Read this and the report & bold\")")]
    [InlineData("summary: >\n  Tailoring a letter,\n  **with care**.",
        "post.md:11:3: warning PPN041: 'summary' is shown as plain text, so readers would see '**with care**' as written (hint: Write it without Markdown or HTML: summary: \"Tailoring a letter, with care.\")")]
    public void Markdown_or_html_in_the_summary_is_a_warning_where_it_starts_with_the_plain_text(string summary, string expected)
    {
        using var content = new TestContent();
        var post = content.ReadPost(Valid.Replace("summary: Tailoring a letter.", summary));
        Assert.NotNull(post);
        Assert.Equal([expected], content.Lines);
    }

    [Fact]
    public void A_summary_with_symbols_that_are_plain_text_is_read_without_a_word()
    {
        using var content = new TestContent();
        var post = content.ReadPost(Valid.Replace("summary: Tailoring a letter.", "summary: \"Mind & body: why 5 * 3 groups of < 18s matter\""));
        Assert.Empty(content.Lines);
        Assert.Equal("Mind & body: why 5 * 3 groups of < 18s matter", post!.FrontMatter.Summary);
    }

    [Fact]
    public void Text_cut_short_by_a_yaml_comment_is_a_warning_with_the_quoted_value()
    {
        using var content = new TestContent();
        var post = content.ReadPost(Valid.Replace("title: \"Small acts: big difference\"", "title: Small acts for PP Week #PPW2024")
            .Replace("event: Psychological Professions Week 2020", "event: #PPW2020")
            .Replace("tags: [letters, small-acts]", "tags: letters #SmallActs"));
        Assert.Equal("Small acts for PP Week", post!.Title);
        Assert.Equal([
            "post.md:2:31: warning PPN026: '#PPW2024' is a YAML comment, so it is not part of 'title' (its value is 'Small acts for PP Week') "
                + "(hint: To keep it, put the whole value in double quotes: title: \"Small acts for PP Week #PPW2024\")",
            "post.md:8:15: warning PPN026: '#SmallActs' is a YAML comment, so it is not part of 'tags' (its value is 'letters') "
                + "(hint: To keep it as a value of the list, write: tags: [letters, \"#SmallActs\"])",
            "post.md:10:1: warning PPN026: 'event' is empty (hint: '#' starts a comment in YAML, so the rest of the line was left out: put the value in double quotes, e.g. event: \"#PPW2020\".)",
        ], content.Lines);
    }

    [Fact]
    public void Comments_quotes_and_block_text_that_yaml_reads_as_meant_pass_unremarked()
    {
        using var content = new TestContent();
        var post = content.ReadPost(Valid.Replace("title: \"Small acts: big difference\"", "title: \"Small acts # 1\" # the first of three")
            .Replace("kind: keynote", "kind: keynote # or blog")
            .Replace("author: Sam Patel", "author: Sam 'Sam' Patel")
            .Replace("summary: Tailoring a letter.", "summary: >\n  Tailoring a \"letter\"\n  and a 'call'.")
            .Replace("role: Clinical Psychologist, PPN London", "role: 'Clinical Psychologist, ''PPN'' London'"));
        Assert.Empty(content.Lines);
        Assert.Equal("Small acts # 1", post!.Title);
        Assert.Equal("Sam 'Sam' Patel", post.FrontMatter.Author);
        Assert.Equal("Tailoring a \"letter\" and a 'call'.", post.FrontMatter.Summary);
        Assert.Equal("Clinical Psychologist, 'PPN' London", post.FrontMatter.Role);
    }

    [Fact]
    public void Commitments_and_tags_written_on_one_line_are_read_as_lists()
    {
        using var content = new TestContent();
        var post = content.ReadPost(Valid.Replace("commitments: [put-people-first, transform-and-innovate]", "commitments: put-people-first, transform-and-innovate")
            .Replace("tags: [letters, small-acts]", "tags: \"letters, small acts ,\""));
        Assert.Empty(content.Lines);
        Assert.Equal(["put-people-first", "transform-and-innovate"], post!.FrontMatter.Commitments);
        Assert.Equal(["letters", "small acts"], post.FrontMatter.Tags);

        using var bomb = new TestContent();
        Assert.Null(bomb.ReadPost("---\ntitle: t\ntags: a" + string.Concat(Enumerable.Repeat(",a", 10_000)) + "\n---\nBody\n"));
        Assert.Contains(bomb.Lines, l => l.StartsWith("post.md:3:7: error PPN012: 'tags' has more than 10000 values", StringComparison.Ordinal));
    }

    [Fact]
    public void A_no_break_space_typed_for_a_space_between_the_parts_of_a_line_is_read_as_one_and_one_in_a_value_is_kept()
    {
        // Word and macOS's Option-Space type U+00A0; an em space and a narrow no-break space are Unicode spaces too.
        using var content = new TestContent();
        var post = content.ReadPost(Valid.Replace("title: \"Small acts: big difference\"", "title:\u00A0Our week at the conference")
            .Replace("author: Sam Patel", "author:\u2003\u00A0Sam\u00A0Patel")
            .Replace("commitments: [put-people-first, transform-and-innovate]", "commitments:\u00A0[\u00A0put-people-first,\u00A0transform-and-innovate\u202F]")
            .Replace("tags: [letters, small-acts]", "tags:\n\u00A0\u00A0-\u00A0letters\n\u00A0\u00A0- 10\u00A0km walks\n  - Update:\u00A02021")
            .Replace("summary: Tailoring a letter.", "summary: |\n  Time:\u00A010am\n  - Note:\u00A0kept"));
        Assert.Empty(content.Lines);
        Assert.Equal("Our week at the conference", post!.FrontMatter.Title);
        Assert.Equal("Sam\u00A0Patel", post.FrontMatter.Author);
        Assert.Equal(["put-people-first", "transform-and-innovate"], post.FrontMatter.Commitments);
        // In a list item, and in a block of text, the no-break space is the value's own.
        Assert.Equal(["letters", "10\u00A0km walks", "Update:\u00A02021"], post.FrontMatter.Tags);
        Assert.Equal("Time:\u00A010am\n- Note:\u00A0kept", post.FrontMatter.Summary?.TrimEnd());

        // Every other problem is told at the line and column the editor sees.
        using var later = new TestContent();
        Assert.Null(later.ReadPost(Valid.Replace("title: \"Small acts: big difference\"", "title:\u00A0Our week")
            .Replace("date: 2021-01-18", "date:\u00A0\u00A05 September 2023")
            .Replace("commitments: [put-people-first, transform-and-innovate]", "commitments:\u00A0[put-people-first,\u00A0put-people-frist]")));
        Assert.Equal(["post.md:3:8: error PPN005:", "post.md:6:33: error PPN006:"], later.Lines.Select(l => l[..(l.IndexOf("PPN", StringComparison.Ordinal) + 7)]));
    }

    [Fact]
    public void An_unknown_commitment_suggests_the_nearest_slug()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("[put-people-first, transform-and-innovate]", "[put-people-frist]")));
        var line = Assert.Single(content.Lines);
        Assert.StartsWith("post.md:6:15: error PPN006: unknown commitment 'put-people-frist'", line);
        Assert.Contains("Did you mean 'put-people-first'?", line);
    }

    [Theory]
    [InlineData("5 September 2023", "is not an ISO date")]
    [InlineData("2021-02-30", "not a day of the calendar")]
    [InlineData("2021-02-03 10:00", "no offset")]
    [InlineData("2021-02-03T25:00:00Z", "does not exist")]
    public void An_invalid_date_is_an_error_with_its_line(string date, string problem)
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("date: 2021-01-18", $"date: {date}")));
        var line = Assert.Single(content.Lines);
        Assert.StartsWith("post.md:3:7: error PPN005:", line);
        Assert.Contains(problem, line);
    }

    [Fact]
    public void Unknown_keys_are_warnings_naming_the_key()
    {
        using var content = new TestContent();
        var post = content.ReadPost(Valid.Replace("kind: keynote", "kind: keynote\nlayout: post\npermalink: /x/\ncategories: a b"));
        Assert.NotNull(post);
        Assert.Equal(3, content.Lines.Count);
        Assert.Contains(content.Lines, l => l.StartsWith("post.md:8:1: warning PPN013: unknown key 'layout'", StringComparison.Ordinal));
        Assert.Contains(content.Lines, l => l.Contains("unknown key 'permalink'"));
        Assert.Contains(content.Lines, l => l.Contains("unknown key 'categories'"));
    }

    [Theory]
    [InlineData("description: What we learned", "Here it is 'summary': rename the key.")]
    [InlineData("categories: [news]", "Here it is 'tags': rename the key.")]
    [InlineData("published: false", "Here it is 'draft': 'published: false' is 'draft: true'; otherwise remove the line.")]
    [InlineData("permalink: /2021/01/a-post/", "Here the address is /posts/<slug>/: give its last part as 'slug' (e.g. slug: my-post), or remove the line.")]
    [InlineData("featured_image: team.jpg", "Here it is 'image': rename the key.")]
    [InlineData("redirect_from: /old/", "Here it is 'aliases': rename the key.")]
    [InlineData("layout: post", "PPNBlog lays out every page with its theme, at its own address, and has no use for it: remove the line.")]
    [InlineData("weather: sunny", "Remove the key, or rename it to one PPNBlog knows (see README: Content model).")]
    public void A_key_of_another_site_generator_is_told_what_it_is_called_here(string line, string hint)
    {
        using var content = new TestContent();
        Assert.NotNull(content.ReadPost(Valid.Replace("kind: keynote", "kind: keynote\n" + line)));
        Assert.EndsWith($"(hint: {hint})", Assert.Single(content.Lines));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("<!-- TODO: write this -->")]
    [InlineData("<!-- more -->\n\n<!-- the rest\nlater -->\n")]
    [InlineData("<!-- left open")]
    public void An_empty_post_is_an_error_at_its_body(string body)
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("The body.", body)));
        Assert.StartsWith("post.md:12:1: error PPN010:", Assert.Single(content.Lines));
    }

    [Theory]
    [InlineData("+++\ntitle = \"T\"\ndate = 2021-01-01\n+++\nBody\n", "post.md:1:1: error PPN002: the front matter is TOML (between '+++' lines); PPNBlog reads YAML "
        + "(hint: Write it as YAML between '---' lines: 'title = \"A title\"' becomes 'title: \"A title\"'.)")]
    [InlineData("{\n  \"title\": \"T\"\n}\nBody\n", "post.md:1:1: error PPN002: the front matter is JSON (between '{' and '}'); PPNBlog reads YAML "
        + "(hint: Write it as YAML between '---' lines: '\"title\": \"A title\",' becomes 'title: \"A title\"'.)")]
    public void Front_matter_in_hugos_other_formats_is_named(string text, string line)
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(text));
        Assert.Equal([line], content.Lines);
    }

    [Fact]
    public void No_front_matter_is_an_error()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost("# Just a heading\n\nText.\n"));
        Assert.StartsWith("post.md:1:1: error PPN002:", Assert.Single(content.Lines));
    }

    [Fact]
    public void An_invalid_slug_suggests_a_valid_one()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("kind: keynote", "kind: keynote\nslug: My Post!")));
        var line = Assert.Single(content.Lines);
        Assert.StartsWith("post.md:8:7: error PPN014:", line);
        Assert.Contains("'my-post'", line);
    }

    [Fact]
    public void A_slug_or_tag_too_long_for_a_folder_name_is_an_error_with_a_shorter_one_suggested()
    {
        // A 349-character slug stopped the build as it wrote the post's folder (file systems allow 255 bytes a name).
        var longSlug = string.Join('-', Enumerable.Repeat("word", 70));
        var longTag = string.Join(' ', Enumerable.Repeat("tag", 90));
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("kind: keynote", $"kind: keynote\nslug: {longSlug}").Replace("tags: [letters, small-acts]", $"tags: [letters, \"{longTag}\"]")));
        Assert.Equal(
            [$"post.md:8:7: error PPN014: slug is 349 characters long; a slug has at most 80 (hint: Use a shorter slug, e.g. '{string.Join('-', Enumerable.Repeat("word", 16))}'.)",
             "post.md:9:17: error PPN004: a tag is 359 characters long; a tag has at most 80 (hint: Shorten the tag: a word or two that other posts share.)"],
            content.Lines);

        // At the limit, both are fine.
        using var fits = new TestContent();
        var slug80 = string.Join('-', Enumerable.Repeat("word", 16)) + "s";
        Assert.Equal(80, slug80.Length);
        Assert.NotNull(fits.ReadPost(Valid.Replace("kind: keynote", $"kind: keynote\nslug: {slug80}").Replace("tags: [letters, small-acts]", $"tags: [{new string('t', 80)}]")));
        Assert.Empty(fits.Lines);
    }

    [Fact]
    public void An_unknown_kind_is_an_error()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("kind: keynote", "kind: podcast")));
        Assert.StartsWith("post.md:7:7: error PPN004: 'kind' must be 'blog' or 'keynote'", Assert.Single(content.Lines));
    }

    [Fact]
    public void An_author_list_is_an_error_with_a_hint()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("author: Sam Patel", "author: [Sam Patel, Jo Evans]")));
        var line = Assert.Single(content.Lines);
        Assert.StartsWith("post.md:4:9: error PPN004:", line);
        Assert.Contains("Sam Patel and Jo Evans", line);
    }

    [Fact]
    public void A_missing_header_image_and_its_alt_text_are_reported()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("kind: keynote", "kind: keynote\nimage: photo.jpg")));
        Assert.Equal(2, content.Lines.Count);
        Assert.Contains(content.Lines, l => l.StartsWith("post.md:8:8: error PPN008: image 'photo.jpg' does not exist", StringComparison.Ordinal));
        Assert.Contains(content.Lines, l => l.StartsWith("post.md:8:8: warning PPN018:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_header_image_named_in_other_capitals_than_its_file_names_the_file()
    {
        using var content = new TestContent();
        content.Write("Photo.JPG", "a photo");
        Assert.Null(content.ReadPost(Valid.Replace("kind: keynote", "kind: keynote\nimage: photo.jpg\nimage_alt: The team")));
        Assert.Equal(["post.md:8:8: error PPN008: image 'photo.jpg' does not exist (hint: The folder has 'Photo.JPG': names must match exactly, "
            + "capital letters included (the web server tells them apart).)"], content.Lines);
    }

    [Fact]
    public void A_post_has_at_most_twenty_tags_and_is_told_at_the_first_one_too_many()
    {
        using var content = new TestContent();
        var tags = string.Join(", ", Enumerable.Range(1, 21).Select(i => $"t{i}"));
        Assert.Null(content.ReadPost(Valid.Replace("tags: [letters, small-acts]", $"tags: [{tags}]"), "post.md"));
        var column = "tags: [".Length + tags.IndexOf("t21", StringComparison.Ordinal) + 1;
        Assert.StartsWith($"post.md:8:{column}: error PPN004: the post has 21 tags; a post has at most 20", Assert.Single(content.Lines));
        Assert.NotNull(content.ReadPost(Valid.Replace("tags: [letters, small-acts]", $"tags: [{tags[..tags.LastIndexOf(',')]}]"), "ok.md"));
    }

    [Fact]
    public void A_bad_value_repeated_through_a_yaml_alias_is_told_once()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("tags: [letters, small-acts]", "list: &l [a]\ntags: [*l, *l, *l]"), "post.md"));
        Assert.Single(content.Lines, l => l.Contains("each item of 'tags' should be text", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("../outside.jpg", "error PPN008: image '../outside.jpg' is outside the post's folder")]
    [InlineData("/etc/hostname", null)] // a site address, not a file beside the post
    [InlineData("linked.jpg", "error PPN020: image 'linked.jpg' is a symbolic link")]
    [InlineData("photos/inside.jpg", null)]
    [InlineData("https://example.org/team.jpg", null)]
    [InlineData("javascript:alert(1)", "error PPN004: 'image' should be a picture's file name or web address, not 'javascript:alert(1)'")]
    [InlineData("\"data:image/svg+xml,<svg onload=alert(1)>\"", "error PPN004: 'image' should be a picture's file name or web address, not 'data:image/svg+xml,<svg onload=alert(1)>'")]
    // Another site's pictures, written to look like this site's own: browsers read "//" and "/\\" as a host.
    [InlineData("//evil.example/team.jpg", "error PPN004: 'image' should be a picture's file name or web address, not '//evil.example/team.jpg'")]
    [InlineData("/\\evil.example/team.jpg", "error PPN004: 'image' should be a picture's file name or web address, not '/\\evil.example/team.jpg'")]
    [InlineData("ftp://example.org/team.jpg", "error PPN004: 'image' should be a picture's file name or web address, not 'ftp://example.org/team.jpg'")]
    [InlineData("scripted.svg", "error PPN028: image 'scripted.svg' is an SVG picture holding a script, which would run when the picture is opened on its own")]
    [InlineData("plain.svg", null)]
    public void A_header_image_is_published_only_from_the_posts_own_folder(string image, string? error)
    {
        using var content = new TestContent();
        content.Write("bundle/scripted.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><a xlink:href=\"JavaScript:alert(1)\"><rect/></a></svg>");
        content.Write("bundle/plain.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\"/></svg>");
        content.Write("outside.jpg", "not the post's");
        content.Write("bundle/photos/inside.jpg", "the post's");
        File.CreateSymbolicLink(Path.Combine(content.Root, "bundle", "linked.jpg"), Path.Combine(content.Root, "outside.jpg"));
        var post = content.ReadPost(Valid.Replace("kind: keynote", $"kind: keynote\nimage: {image}\nimage_alt: A photo"), "bundle/index.md");
        if (error is null)
        {
            Assert.Empty(content.Lines);
            Assert.Equal(image, post!.FrontMatter.Image);
        }
        else
        {
            Assert.Null(post);
            Assert.StartsWith($"bundle/index.md:8:8: {error}", Assert.Single(content.Lines));
        }
    }

    [Fact]
    public void All_errors_of_a_file_are_reported_at_once()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost("---\ntitle: x\ndate: someday\ncommitments: [nope]\nkind: podcast\n---\n\n"));
        Assert.Equal(["PPN003", "PPN004", "PPN005", "PPN006", "PPN010"],
            content.Diagnostics.Sorted().Select(d => d.Code.Id).Order().ToArray());
    }

    [Fact]
    public void A_duplicate_key_is_reported()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost(Valid.Replace("kind: keynote", "kind: keynote\ntitle: Again")));
        var line = Assert.Single(content.Lines);
        Assert.StartsWith("post.md:8:1: error PPN001: the key 'title' appears twice", line);
    }

    [Fact]
    public void A_yaml_alias_bomb_is_refused_quickly()
    {
        using var content = new TestContent();
        var bomb = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
                   "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n" +
                   "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\ntags: *h\ntitle: t\ndate: 2021-01-01\nauthor: a\ncommitments: [put-people-first]\n---\nBody\n";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(content.ReadPost(bomb));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Contains(content.Lines, l => l.Contains("error PPN004: each item of 'tags' should be text", StringComparison.Ordinal));
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost("---\ntitle: " + new string('[', 5000) + new string(']', 5000) + "\n---\nBody\n"));
        Assert.Contains("nested more than", Assert.Single(content.Lines));
    }

    [Fact]
    public void Front_matter_with_too_many_nodes_is_refused_at_the_node_past_the_limit()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost("---\ntitle: t\ntags: [" + string.Join(",", Enumerable.Repeat("a", 12_000)) + "]\n---\nBody\n"));
        Assert.StartsWith("post.md:3:", Assert.Single(content.Lines));
        Assert.Contains("error PPN012: front matter has more than 10000 YAML nodes", content.Lines[0]);
    }

    [Fact]
    public void Huge_front_matter_is_refused()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost("---\ntitle: " + new string('x', 100_000) + "\n---\nBody\n"));
        Assert.Contains("error PPN012: front matter is", Assert.Single(content.Lines));
    }

    [Theory]
    [InlineData("---\r\ntitle: t\r\ndate: 2021-01-01\r\nauthor: a\r\ncommitments: put-people-first\r\n---\r\nBody\r\n")]
    [InlineData("\n---\ntitle: t\ndate: 2021-01-01\nauthor: a\ncommitments: put-people-first\n--- \nBody\n")]
    [InlineData("---\ntitle: t\ndate: '2015-03-17 14:00:00 -4'\nauthor: a\ncommitments:\n  - put-people-first\n---\nBody\n")]
    public void Real_world_variations_are_accepted(string text)
    {
        using var content = new TestContent();
        Assert.NotNull(content.ReadPost(text));
        Assert.Empty(content.Lines);
    }

    [Theory]
    // As Jekyll and Hugo (libyaml, go-yaml) read them: YamlDotNet alone refuses a quoted value's lines at the margin.
    [InlineData("title: \"67 million more records at your\nfingertips\"\n", "67 million more records at your fingertips")]
    [InlineData("title: 'It''s a long\ntitle, wrapped\n   twice'\n", "It's a long title, wrapped twice")]
    [InlineData("title: \"A \\\"quoted\\\" word\nand a\n   new line\"\n", "A \"quoted\" word and a new line")]
    [InlineData("summary: \"one\ntwo\"\ntitle: \"three\r\nfour\"\n", "three four")]
    public void A_quoted_value_wrapped_onto_lines_at_the_margin_is_read_as_other_generators_read_it(string lines, string title)
    {
        using var content = new TestContent();
        var post = content.ReadPost($"---\n{lines}date: 2021-01-01\nauthor: a\ncommitments: [put-people-first]\n---\nBody\n");
        Assert.Empty(content.Lines);
        Assert.Equal(title, post!.Title);
    }

    [Fact]
    public void A_wrapped_quoted_value_never_closed_is_still_an_error_at_its_line()
    {
        using var content = new TestContent();
        Assert.Null(content.ReadPost("---\ntitle: t\nsummary: \"runs on\nand on\n---\nBody\n"));
        Assert.Equal(["post.md:3:10: error PPN001: the quote that opens this value is not closed on its line, so the lines after it were read as part of the value "
            + "(hint: Close the quote at the end of the value: summary: \"runs on\")"], content.Lines);
    }

    [Fact]
    public void A_wrapped_quoted_value_is_not_indented_past_the_front_matter_limit()
    {
        // Moving 2,000 lines in to a quote 30,000 columns to the right would make 60 million characters of YAML.
        using var content = new TestContent();
        var lines = string.Concat(Enumerable.Repeat("x\n", 2_000));
        Assert.Null(content.ReadPost($"---\ntitle: t\nsummary: {new string(' ', 30_000)}\"{lines}\"\n---\nBody\n"));
        Assert.Matches(@"^post\.md:3:30010: error PPN001: invalid YAML", Assert.Single(content.Lines));
    }

    [Theory]
    [InlineData("---\ntitle: t\nslug: first-day\n---\nBody\n", "first-day")]
    [InlineData("---\ntitle: t\n---\nBody\n", "day-one")]                       // none set: the path's
    [InlineData("---\ntitle: t\nslug: ../../etc\n---\nBody\n", "day-one")]      // not URL-safe: the build refuses it
    [InlineData("---\ntitle: [unclosed\nslug: first-day\n---\nBody\n", "day-one")] // front matter that does not parse
    [InlineData("No front matter at all.\n", "day-one")]
    public void A_posts_address_slug_is_the_one_its_front_matter_sets_when_valid_else_its_paths(string text, string slug) =>
        Assert.Equal(slug, PPNBlog.Content.FrontMatter.PostSchema.AddressSlug(text, "input/posts/2020/2020-12-14-day-one.md"));
}
