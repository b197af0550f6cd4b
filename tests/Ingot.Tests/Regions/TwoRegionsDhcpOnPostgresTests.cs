using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Ingot.Sim.Operator;
using Npgsql;

namespace Ingot.Tests.Regions;

/// <summary>
/// Two <c>ingot serve</c> processes on one PostgreSQL database, both serving DHCP on one VLAN (each on its own
/// interface and address, <see cref="DhcpLan"/>), and real clients (busybox <c>udhcpc</c>) in their own network
/// namespaces: clients get distinct addresses whichever region answers; the region that gave the first client
/// its lease is killed with SIGKILL, the client renews and keeps its address from the other region, and a new
/// client is given an address neither region gave before. Needs root, busybox-static and
/// <c>INGOT_TEST_POSTGRES</c>; bounded by the waits below (about 4 minutes at most after the regions start).
/// </summary>
public sealed class TwoRegionsDhcpOnPostgresTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    private const string Script = """
        #!/bin/sh
        echo "$1 ip=$ip serverid=$serverid lease=$lease" >> "$0.out"
        case "$1" in
          bound|renew) /usr/sbin/ip addr flush dev "$interface"; /usr/sbin/ip addr add "$ip/$mask" dev "$interface" ;;
          deconfig) /usr/sbin/ip addr flush dev "$interface" ;;
        esac
        """;

    [Fact]
    public async Task Both_regions_serve_one_vlan_from_the_shared_leases_and_a_client_of_a_killed_region_renews_its_address_at_the_other()
    {
        Assert.SkipWhen(DhcpLan.SkipReason is not null, DhcpLan.SkipReason ?? "");
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using RegionsOnPostgres regions = await RegionsOnPostgres.CreateAsync();
        using DhcpLan lan = await DhcpLan.CreateAsync();
        DirectoryInfo scratch = Directory.CreateTempSubdirectory("ingot-dhcp-regions-");
        var clients = new List<Client>();
        try
        {
            string ifA = await lan.AddRegionAsync(1);
            string ifB = await lan.AddRegionAsync(2);
            RegionsOnPostgres.Region a = await regions.StartAsync("region-a", (ifA, lan.Address(1)));
            using (var api = new IngotApi(a.Url, regions.ApiKey, TimeProvider.System))
            {
                await PrepareVlanAsync(api, lan, ct);
            }

            RegionsOnPostgres.Region b = await regions.StartAsync("region-b", (ifB, lan.Address(2)));

            for (int n = 1; n <= 2; n++)
            {
                clients.Add(await StartClientAsync(lan, scratch, n));
                await clients[^1].WaitForAsync(l => l.StartsWith("bound ", StringComparison.Ordinal), "a first lease");
            }

            (IPAddress first, IPAddress firstServer) = clients[0].Bound();
            (IPAddress second, _) = clients[1].Bound();
            Assert.NotEqual(first, second);
            Dictionary<string, (IPAddress Address, DateTime Ends)> before = await LeasesAsync(regions.Database, ct);
            Assert.Equal(first, before[clients[0].Mac].Address);
            Assert.Equal(second, before[clients[1].Mac].Address);

            RegionsOnPostgres.Region victim = firstServer.Equals(lan.Address(1)) ? a : b;
            IPAddress survivor = victim == a ? lan.Address(2) : lan.Address(1);
            await victim.Process.KillAsync();
            long killed = Stopwatch.GetTimestamp();
            await DhcpLan.SignalAsync(clients[0].Udhcpc, "USR1");
            string renewed = await clients[0].WaitForAsync(
                l => l.Contains($"ip={first} serverid={survivor}", StringComparison.Ordinal),
                $"{first} renewed by the surviving region {survivor} after {victim.Name} was killed");
            TimeSpan renewal = Stopwatch.GetElapsedTime(killed);

            clients.Add(await StartClientAsync(lan, scratch, 3));
            await clients[2].WaitForAsync(l => l.StartsWith("bound ", StringComparison.Ordinal), "a lease for a new client from the surviving region");
            (IPAddress third, IPAddress thirdServer) = clients[2].Bound();

            Dictionary<string, (IPAddress Address, DateTime Ends)> after = await LeasesAsync(regions.Database, ct);
            Assert.Equal(survivor, thirdServer);
            Assert.DoesNotContain(third, (IPAddress[])[first, second]);
            Assert.Equal(first, after[clients[0].Mac].Address);
            Assert.True(after[clients[0].Mac].Ends > before[clients[0].Mac].Ends, "the renewal should extend the stored lease");
            Assert.Equal(second, after[clients[1].Mac].Address);
            Assert.Equal(third, after[clients[2].Mac].Address);
            Assert.Equal(3, after.Count);
            Assert.All(regions.Regions, r => Assert.Contains("DHCP shares its leases", r.Process.Output, StringComparison.Ordinal));
            TestContext.Current.SendDiagnosticMessage($"{victim.Name} killed; client 1 got '{renewed}' {renewal.TotalSeconds:F1} s later");
        }
        catch
        {
            string dir = regions.KeepLogs();
            foreach (Client client in clients)
            {
                TestContext.Current.AddAttachment($"client-{client.Number}.out", client.Output);
            }

            TestContext.Current.SendDiagnosticMessage($"region logs in {dir}; clients: {string.Join(" | ", clients.Select(c => $"{c.Mac}: {c.Output.ReplaceLineEndings(" / ")}"))}");
            throw;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>The VLAN's subnet with a dynamic range and DHCP on, region A's rack as primary, through the REST API.</summary>
    private static async Task PrepareVlanAsync(IngotApi api, DhcpLan lan, CancellationToken ct)
    {
        JsonNode subnet = (await api.GetAsync("subnets/", ct))!.AsArray().FirstOrDefault(s => s?["cidr"]?.GetValue<string>() == lan.Subnet)
            ?? (await api.PostAsync("subnets/", ct, ("cidr", lan.Subnet), ("gateway_ip", lan.Address(1).ToString()), ("name", "regions-lan")))!;
        await api.PostAsync("ipranges/", ct, ("type", "dynamic"), ("start_ip", lan.Address(100).ToString()), ("end_ip", lan.Address(150).ToString()), ("comment", "two regions"));
        string rack = (await api.GetAsync("rackcontrollers/", ct))!.AsArray()[0]!["system_id"]!.GetValue<string>();
        JsonNode vlan = subnet["vlan"]!;
        await api.PutAsync($"fabrics/{vlan["fabric_id"]!.GetValue<long>()}/vlans/{vlan["vid"]!.GetValue<long>()}/", ct, ("dhcp_on", "true"), ("primary_rack", rack));
    }

    private static async Task<Client> StartClientAsync(DhcpLan lan, DirectoryInfo scratch, int n)
    {
        string ns = await lan.AddClientAsync(n);
        string script = Path.Combine(scratch.FullName, $"client-{n}.sh");
        await File.WriteAllTextAsync(script, Script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new Client(n, await DhcpLan.MacAsync(ns), script + ".out", lan.StartUdhcpc(ns, script));
    }

    /// <summary>Every stored lease by MAC (a MAC with two rows fails the test).</summary>
    private static async Task<Dictionary<string, (IPAddress Address, DateTime Ends)>> LeasesAsync(string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT mac, address, ends FROM dhcp_leases", connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
        var leases = new Dictionary<string, (IPAddress, DateTime)>();
        while (await reader.ReadAsync(ct))
        {
            leases.Add(reader.GetString(0), (IPAddress.Parse(reader.GetString(1)), reader.GetDateTime(2)));
        }

        return leases;
    }

    private sealed record Client(int Number, string Mac, string OutputFile, Process Udhcpc)
    {
        public string Output => File.Exists(OutputFile) ? File.ReadAllText(OutputFile) : "";

        /// <summary>The address and server of the last bound or renew event.</summary>
        public (IPAddress Address, IPAddress Server) Bound()
        {
            string line = Output.Split('\n').Last(l => l.StartsWith("bound ", StringComparison.Ordinal) || l.StartsWith("renew ", StringComparison.Ordinal));
            string Field(string name) => line.Split(' ').Single(f => f.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
            return (IPAddress.Parse(Field("ip")), IPAddress.Parse(Field("serverid")));
        }

        /// <summary>Waits (at most <see cref="s_wait"/>) for an event line matching <paramref name="match"/>; returns it.</summary>
        public async Task<string> WaitForAsync(Func<string, bool> match, string what)
        {
            for (long started = Stopwatch.GetTimestamp(); Stopwatch.GetElapsedTime(started) < s_wait;)
            {
                if (Output.Split('\n').LastOrDefault(match) is { } line)
                {
                    return line;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
            }

            throw new TimeoutException($"client {Number} ({Mac}): waited {s_wait.TotalSeconds} s for {what}; its events:\n{Output}");
        }
    }
}
