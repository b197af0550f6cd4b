using System.Net;
using System.Net.Sockets;
using Ingot.Hosting;

namespace Ingot.Tests.Serving;

/// <summary>
/// Ingot's HTTP connections stay within a budget below the process's open-file limit (<see cref="ConnectionBudget"/>),
/// so clients that hold more connections than the limit allows cannot take the descriptors SQLite, TFTP and the
/// runtime need.
/// </summary>
public sealed class ConnectionBudgetTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("ingot-budget-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Theory]
    [InlineData(20_000L, 14_880L)]
    [InlineData(1_200L, 600L)]
    [InlineData(1_048_576L, 1_043_456L)]
    public void The_budget_is_the_limit_less_a_reserve_of_at_most_half(long limit, long budget) =>
        Assert.Equal(budget, ConnectionBudget.For(limit));

    [Fact]
    public void The_soft_limit_is_read_from_proc_limits_and_unlimited_means_no_budget()
    {
        const string Limits = """
            Limit                     Soft Limit           Hard Limit           Units
            Max processes             95000                95000                processes
            Max open files            20000                20000                files
            """;
        Assert.Equal(20_000, ConnectionBudget.SoftLimit(Limits));
        Assert.Null(ConnectionBudget.SoftLimit(Limits.Replace("20000                20000", "unlimited            unlimited", StringComparison.Ordinal)));
        Assert.Null(ConnectionBudget.SoftLimit("nothing here"));
        Assert.Null(ConnectionBudget.For(null));
    }

    /// <summary>
    /// <c>ingot serve</c> under a limit of 1,200 descriptors (budget 600) while this test opens 1,500 idle connections
    /// to it: ingot keeps below its limit, closes what is over the budget, and answers again once they are gone.
    /// </summary>
    [Fact(Timeout = 180_000)]
    public async Task Serve_keeps_its_descriptors_below_the_limit_when_clients_hold_too_many_connections()
    {
        const int Limit = 1_200;
        int port = IngotProcess.FreePort();
        await using var serve = IngotProcess.StartWithOpenFileLimit(
            Limit, null, "serve", "--data-dir", _dataDir, "--urls", $"http://127.0.0.1:{port}", "--boot-urls", $"http://127.0.0.1:{IngotProcess.FreePort()}");
        await serve.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Uri version = new($"http://127.0.0.1:{port}/MAAS/api/2.0/version/");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(version, TestContext.Current.CancellationToken)).StatusCode);

        var held = new List<Socket>();
        int most = 0;
        try
        {
            for (int i = 0; i < 1_500; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                held.Add(socket);
                await socket.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
                if (i % 100 == 0)
                {
                    most = Math.Max(most, Descriptors(serve.Id));
                }
            }

            // Kestrel has accepted what it will: the budget's worth kept, the rest closed at once.
            for (int i = 0; i < 20; i++)
            {
                most = Math.Max(most, Descriptors(serve.Id));
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Assert.False(serve.HasExited, $"ingot exited with 1,500 connections open:\n{serve.Tail}");
            Assert.True(most < Limit, $"ingot had {most} descriptors open, its limit is {Limit}");
        }
        finally
        {
            foreach (Socket socket in held)
            {
                socket.Dispose();
            }
        }

        HttpStatusCode? answer = null;
        for (int i = 0; i < 50 && answer != HttpStatusCode.OK; i++)
        {
            try
            {
                answer = (await http.GetAsync(version, TestContext.Current.CancellationToken)).StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal(HttpStatusCode.OK, answer);
        Assert.Equal(0, await serve.StopAsync(TimeSpan.FromSeconds(30)));
    }

    private static int Descriptors(int pid) => Directory.GetFiles($"/proc/{pid}/fd").Length;
}
