using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PPNBlog.Submissions.Tests;

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
}

/// <summary>The real <c>ppnblog</c> command, run as its own process.</summary>
internal static class Ppnblog
{
    /// <summary>Runs ppnblog with <paramref name="args"/>; <paramref name="environment"/> sets (or, with null, removes) variables.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ppnblog.dll"), .. args])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        return (process.ExitCode, await output, await error);
    }
}
