using System.Net;
using System.Net.Sockets;

namespace PPNBlog.Submissions.Tests.Mail;

/// <summary>
/// A TCP relay in front of the IMAP server that cuts every open connection once the server has sent a chosen number
/// of bytes through it: the connection drops mid-run, at a different step each time.
/// </summary>
public sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private long _budget = long.MaxValue;

    public CuttingProxy(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        _ = Accept();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Cuts the connection after <paramref name="bytes"/> more bytes from the server (null: never).</summary>
    public void CutAfter(long? bytes) => Interlocked.Exchange(ref _budget, bytes ?? long.MaxValue);

    private async Task Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Relay(client);
        }
    }

    private async Task Relay(TcpClient client)
    {
        using var _ = client;
        using var server = new TcpClient();
        await server.ConnectAsync(IPAddress.Loopback, _target);
        using var cut = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var up = Copy(client.GetStream(), server.GetStream(), counted: false, cut);
        var down = Copy(server.GetStream(), client.GetStream(), counted: true, cut);
        await Task.WhenAny(up, down);
        cut.Cancel();
        client.Client.LingerState = new LingerOption(true, 0);
    }

    private async Task Copy(Stream from, Stream to, bool counted, CancellationTokenSource cut)
    {
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, cut.Token);
                if (read == 0) return;
                if (counted)
                {
                    var left = Interlocked.Add(ref _budget, -read);
                    if (left < 0)
                    {
                        // Pass on what fits, then drop the line.
                        var allowed = (int)Math.Max(0, read + left);
                        await to.WriteAsync(buffer.AsMemory(0, allowed), cut.Token);
                        Interlocked.Exchange(ref _budget, long.MaxValue);
                        return;
                    }
                }
                await to.WriteAsync(buffer.AsMemory(0, read), cut.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The other side went away.
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
