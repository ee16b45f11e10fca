using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace PPNBlog.Tests;

// Linked into every test project that needs it (see their .csproj): one copy of what they all use.

/// <summary>The repository the tests run from, and copying its folders into scratch sites.</summary>
internal static class Repository
{
    /// <summary>The folder holding PPNBlog.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Copies every file under <paramref name="from"/> to the same place under <paramref name="to"/>.</summary>
    public static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static string FindRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "PPNBlog.sln"))) directory = Path.GetDirectoryName(directory)!;
        return directory;
    }
}

/// <summary>Ports on the loopback interface for the servers the tests start.</summary>
internal static class Loopback
{
    /// <summary>A port nothing listens on.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Waits up to ten seconds for <paramref name="server"/> to listen on <paramref name="port"/>; false when it exits or never does.</summary>
    public static async Task<bool> Listening(int port, Process server)
    {
        for (var attempt = 0; attempt < 100 && !server.HasExited; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        return false;
    }

    /// <summary>An ASP.NET Core app on a free loopback port, without logging: for the tests' stand-in servers.</summary>
    public static WebApplication WebApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder.Build();
    }
}

/// <summary>
/// The real <c>ppnblog</c> command, run as its own process: the published native binary that PPNBLOG_BINARY names
/// (test.sh publishes one and sets it, so these tests run what a deployment runs), else the build beside the tests.
/// </summary>
internal static class Ppnblog
{
    /// <summary>The published native ppnblog under test, when PPNBLOG_BINARY names one.</summary>
    public static string? NativeBinary { get; } = FindNativeBinary();

    /// <summary>How to start ppnblog with <paramref name="args"/>.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args) => NativeBinary is { } binary
        ? new ProcessStartInfo(binary, args)
        : new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ppnblog.dll"), .. args]);

    /// <summary>Starts ppnblog with <paramref name="args"/>, output redirected; <paramref name="environment"/> sets (or, with null, removes) variables.</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var ppnblog = StartInfo(args);
        // Through env, which gives Ctrl+C's signal its usual handling and execs ppnblog in its own place (same process
        // id): a background job of a non-interactive shell, as a CI runner may start the suite, passes SIGINT on ignored.
        var start = new ProcessStartInfo("env", ["--default-signal=INT", ppnblog.FileName, .. ppnblog.ArgumentList]);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        return Process.Start(start)!;
    }

    /// <summary>
    /// Starts ppnblog with files limited to <paramref name="kibibytes"/> KiB (<c>ulimit -f</c>, the signal ignored): a
    /// longer write fails with EFBIG, as writes fail on a full disk. Output redirected.
    /// </summary>
    public static Process StartWithFileSizeLimit(IEnumerable<string> args, int kibibytes)
    {
        var ppnblog = StartInfo(args);
        var start = new ProcessStartInfo("bash", ["-c", $"trap '' XFSZ; ulimit -f {kibibytes}; exec \"$0\" \"$@\"", ppnblog.FileName, .. ppnblog.ArgumentList])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The JIT's write-xor-execute mapping is a file of its own, which the limit would stop (the native binary has none).
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        return Process.Start(start)!;
    }

    /// <summary>Runs ppnblog to the end: its exit code, standard output and standard error.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        using var process = Start(args, environment);
        return await ToEndAsync(process);
    }

    /// <summary>Waits (up to ten minutes) for a started <paramref name="process"/> whose output and error are redirected: its exit code, output and error.</summary>
    public static async Task<(int Code, string Output, string Error)> ToEndAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        return (process.ExitCode, await output, await error);
    }

    private static string? FindNativeBinary()
    {
        var path = Environment.GetEnvironmentVariable("PPNBLOG_BINARY");
        if (string.IsNullOrEmpty(path)) return null;
        return File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException($"PPNBLOG_BINARY names '{path}', which does not exist");
    }
}
