using System.Net;
using System.Net.Sockets;

namespace QuantBench.Launching;

/// <summary>Free TCP ports on 127.0.0.1, chosen by the kernel.</summary>
public static class LoopbackPort
{
    /// <summary>
    /// A port that was free a moment ago. Another process could take it before the server binds; the
    /// server then fails to start and its log says so, which fails that level alone.
    /// </summary>
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
