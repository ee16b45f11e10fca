using System.Text.Json;
using PPNBlog.Generator.Cli;

namespace PPNBlog.Submissions.Tests.Cli;

public class ConvertCommandTests
{
    private static (int Code, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var code = Program.Run(args, output, new StringWriter());
        return (code, output.ToString());
    }

    [Fact]
    public void Convert_writes_the_bundle_and_prints_a_json_summary()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ppnblog-convert-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output) = Run("submissions", "convert", Emails.Fixture("outlook-html-inline-image.eml"), "--out", dir,
                "--input", Path.Combine(Emails.RepositoryRoot, "input"));
            Assert.Equal(0, code);
            using var json = JsonDocument.Parse(output);
            var root = json.RootElement;
            Assert.Equal("converted", root.GetProperty("status").GetString());
            Assert.Equal("rewriting-our-appointment-letters", root.GetProperty("slug").GetString());
            Assert.Equal("hashtag", root.GetProperty("commitments")[0].GetProperty("how").GetString());
            Assert.Equal(20, root.GetProperty("idempotency_key").GetString()!.Length);
            Assert.False(root.GetProperty("images")[0].GetProperty("alt_needed").GetBoolean());
            var bundle = Path.Combine(dir, "input", "posts", "2026", "rewriting-our-appointment-letters");
            Assert.Equal(["image-1.png", "index.md"], Directory.GetFiles(bundle).Select(Path.GetFileName).Order());
            Assert.DoesNotContain("sam.patel@nhs.net", File.ReadAllText(Path.Combine(bundle, "index.md")));
            Assert.DoesNotContain("sam.patel@nhs.net", output);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Converting_again_replaces_only_its_own_unchanged_bundle_and_writes_beside_another_post()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ppnblog-convert-" + Guid.NewGuid().ToString("N"));
        try
        {
            string[] args = ["submissions", "convert", Emails.Fixture("outlook-html-inline-image.eml"), "--out", dir, "--input", Path.Combine(Emails.RepositoryRoot, "input")];
            Assert.Equal(0, Run(args).Code);
            var index = Path.Combine(dir, "input", "posts", "2026", "rewriting-our-appointment-letters", "index.md");
            Assert.Equal(0, Run(args).Code);

            // An editor's change (or another post of the same title and year) is never replaced: the new one goes beside it.
            File.AppendAllText(index, "\nAn editor's added paragraph.\n");
            var (code, output) = Run(args);
            Assert.Equal(0, code);
            using var json = JsonDocument.Parse(output);
            Assert.Equal("rewriting-our-appointment-letters-2", json.RootElement.GetProperty("slug").GetString());
            Assert.Contains(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("already holds another post, which is left as it is"));
            Assert.EndsWith("An editor's added paragraph.\n", File.ReadAllText(index));
            Assert.True(File.Exists(Path.Combine(dir, "input", "posts", "2026", "rewriting-our-appointment-letters-2", "index.md")));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData("rewriting-our-appointment-letters.md", "")]
    [InlineData("letters.md", "slug: rewriting-our-appointment-letters\n")] // the address its front matter sets
    public void Converting_a_post_whose_address_another_years_post_has_writes_it_beside_under_a_free_address(string earlierFile, string earlierSlug)
    {
        var dir = Path.Combine(Path.GetTempPath(), "ppnblog-convert-" + Guid.NewGuid().ToString("N"));
        try
        {
            var earlier = Path.Combine(dir, "input", "posts", "2024", earlierFile);
            Directory.CreateDirectory(Path.GetDirectoryName(earlier)!);
            var earlierText = $"---\ntitle: Rewriting our appointment letters\n{earlierSlug}---\n\nLast year's post.\n";
            File.WriteAllText(earlier, earlierText);

            var (code, output) = Run("submissions", "convert", Emails.Fixture("outlook-html-inline-image.eml"), "--out", dir, "--input", Path.Combine(Emails.RepositoryRoot, "input"));
            Assert.Equal(0, code);
            using var json = JsonDocument.Parse(output);
            Assert.Equal("rewriting-our-appointment-letters-2", json.RootElement.GetProperty("slug").GetString());
            Assert.Contains(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains(
                $"/posts/rewriting-our-appointment-letters/ is already the address of input/posts/2024/{earlierFile}"));
            Assert.True(File.Exists(Path.Combine(dir, "input", "posts", "2026", "rewriting-our-appointment-letters-2", "index.md")));
            Assert.Equal(earlierText, File.ReadAllText(earlier));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void A_post_of_another_year_whose_front_matter_moves_it_elsewhere_leaves_its_file_name_free()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ppnblog-convert-" + Guid.NewGuid().ToString("N"));
        try
        {
            var earlier = Path.Combine(dir, "input", "posts", "2024", "rewriting-our-appointment-letters.md");
            Directory.CreateDirectory(Path.GetDirectoryName(earlier)!);
            File.WriteAllText(earlier, "---\ntitle: Rewriting our appointment letters\nslug: letters-2024\n---\n\nLast year's post.\n");

            var (code, output) = Run("submissions", "convert", Emails.Fixture("outlook-html-inline-image.eml"), "--out", dir, "--input", Path.Combine(Emails.RepositoryRoot, "input"));
            Assert.Equal(0, code);
            using var json = JsonDocument.Parse(output);
            Assert.Equal("rewriting-our-appointment-letters", json.RootElement.GetProperty("slug").GetString());
            Assert.DoesNotContain(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("already"));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void A_rejected_message_exits_3_with_reasons_and_writes_nothing()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ppnblog-convert-" + Guid.NewGuid().ToString("N"));
        var (code, output) = Run("submissions", "convert", Emails.Fixture("auto-reply.eml"), "--out", dir, "--input", Path.Combine(Emails.RepositoryRoot, "input"));
        Assert.Equal(3, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("rejected", json.RootElement.GetProperty("status").GetString());
        Assert.NotEmpty(json.RootElement.GetProperty("reasons").EnumerateArray());
        Assert.False(Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any());
    }

    [Fact]
    public void An_mbox_gives_one_result_per_message()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ppnblog-convert-" + Guid.NewGuid().ToString("N"));
        var mbox = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".mbox");
        try
        {
            File.WriteAllText(mbox, string.Concat(new[] { "apple-plain-text.eml", "auto-reply.eml" }.Select(f =>
                "From sender@example.org Tue Nov 24 12:00:00 2026\n" + File.ReadAllText(Emails.Fixture(f)).Replace("\r\n", "\n") + "\n")));
            var (code, output) = Run("submissions", "convert", mbox, "--out", dir, "--input", Path.Combine(Emails.RepositoryRoot, "input"));
            Assert.Equal(0, code);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(["converted", "rejected"], json.RootElement.EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        }
        finally
        {
            File.Delete(mbox);
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_missing_message_file_is_a_usage_error() =>
        Assert.Equal(2, Run("submissions", "convert", "/no/such.eml", "--out", "/tmp/x").Code);

    [Theory]
    [InlineData("{folder}", "--out", "out", "ppnblog: the message file '{folder}' is a folder: give an .eml or mbox file in it")]
    [InlineData("{message}", "--out", "", "ppnblog: --out is empty: give a folder (the bundle goes under DIR/input/posts/).")]
    [InlineData("{message}", "--input", "", "ppnblog: --input is empty: give the content folder")]
    public void A_folder_given_as_the_message_or_an_empty_folder_option_is_a_usage_error_that_says_so(string message, string option, string value, string said)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ppnblog-convert-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string[] args = ["submissions", "convert", message.Replace("{folder}", folder).Replace("{message}", Emails.Fixture("apple-plain-text.eml")),
                "--out", Path.Combine(folder, "out"), "--input", Path.Combine(Emails.RepositoryRoot, "input")];
            args[Array.IndexOf(args, option) + 1] = value.Length == 0 ? "" : Path.Combine(folder, value);
            var error = new StringWriter();
            Assert.Equal(2, Program.Run(args, new StringWriter(), error));
            Assert.StartsWith(said.Replace("{folder}", folder), error.ToString());
            Assert.Empty(Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories)); // no bundle written anywhere
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void An_out_folder_that_is_a_file_is_a_usage_error_and_the_file_is_left_alone()
    {
        var file = Path.Combine(Path.GetTempPath(), "ppnblog-convert-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, "not a folder");
        try
        {
            Assert.Equal(2, Run("submissions", "convert", Emails.Fixture("apple-plain-text.eml"), "--out", file, "--input", Path.Combine(Emails.RepositoryRoot, "input")).Code);
            Assert.Equal("not a folder", File.ReadAllText(file));
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task A_bundle_the_file_system_refuses_is_a_clear_error_and_leaves_nothing_half_written()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ppnblog-convert-" + Guid.NewGuid().ToString("N"));
        try
        {
            // No file may hold a byte (ulimit -f 0), as a full disk would refuse the bundle.
            using var process = Ppnblog.StartWithFileSizeLimit(["submissions", "convert", Emails.Fixture("outlook-html-inline-image.eml"), "--out", dir,
                "--input", Path.Combine(Emails.RepositoryRoot, "input")], kibibytes: 0);
            var (code, _, error) = await Ppnblog.ToEndAsync(process);
            Assert.Equal(2, code);
            Assert.Contains($"ppnblog: the post could not be written under '{dir}':", error);
            Assert.DoesNotContain("Unhandled exception", error);
            Assert.Empty(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Standard_input_is_read_with_a_dash()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ppnblog-convert-" + Guid.NewGuid().ToString("N"));
        try
        {
            var start = Ppnblog.StartInfo(["submissions", "convert", "-", "--out", dir, "--input", Path.Combine(Emails.RepositoryRoot, "input")]);
            start.RedirectStandardInput = start.RedirectStandardOutput = true;
            using var process = System.Diagnostics.Process.Start(start)!;
            process.StandardInput.BaseStream.Write(File.ReadAllBytes(Emails.Fixture("apple-plain-text.eml")));
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            Assert.Equal("digital-group-therapy-pilot", JsonDocument.Parse(output).RootElement.GetProperty("slug").GetString());
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void The_settings_file_sets_the_limits_and_the_allowlist()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ppnblog-convert-" + Guid.NewGuid().ToString("N"));
        var config = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".yml");
        try
        {
            File.WriteAllText(config, "rejectOutsideAllowlist: true\nallowedDomains: [example.org]\n");
            var (code, output) = Run("submissions", "convert", Emails.Fixture("outlook-html-inline-image.eml"), "--out", dir,
                "--input", Path.Combine(Emails.RepositoryRoot, "input"), "--config", config);
            Assert.Equal(3, code);
            Assert.Contains("example.org", output);
            File.WriteAllText(config, "minWords: [not a number]\n");
            Assert.Equal(2, Run("submissions", "convert", Emails.Fixture("outlook-html-inline-image.eml"), "--out", dir,
                "--input", Path.Combine(Emails.RepositoryRoot, "input"), "--config", config).Code);
            Assert.Equal(0, Run("submissions", "convert", Emails.Fixture("outlook-html-inline-image.eml"), "--out", dir,
                "--input", Path.Combine(Emails.RepositoryRoot, "input"), "--config", Path.Combine(Emails.RepositoryRoot, "submissions.yml")).Code);
        }
        finally
        {
            File.Delete(config);
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
