using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingot.Api.Tests.Infrastructure;
using Ingot.Api.Tests.Metadata;
using Ingot.Core.BootResources;
using Ingot.Core.Enlistment;
using Ingot.Core.Hardware;
using Ingot.Core.Inventory;
using Ingot.Core.Machines;
using Ingot.Core.Networks;
using Ingot.Core.Storage;
using Ingot.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Ingot.Api.Tests.Deployment;

/// <summary>READY machines, SSH keys, events and the requests cloud-init and curtin send, for the deployment flow tests.</summary>
public static class DeploySeeds
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A commissioned READY machine (manual power), with one 8 GiB disk and the flat layout unless
    /// <paramref name="diskless"/>; the host has the ubuntu/noble amd64 image deploy needs.
    /// </summary>
    public static async Task<Machine> ReadyMachineAsync(this ApiHost host, ApiUser admin, bool diskless = false)
    {
        await host.AddDeployImageAsync("ubuntu/noble");
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Machine machine = Machine.Create(SystemIdGenerator.Shared.Next(), "deploy-" + Guid.NewGuid().ToString("N")[..8], now);
        machine.Architecture = "amd64/generic";
        machine.PowerType = "manual";
        machine.Interfaces.Add(new NetworkInterface
        {
            Name = "eth0",
            MacAddress = MacAddress.Parse($"52:54:01:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}"),
        });
        if (!diskless)
        {
            machine.BlockDevices.Add(new BlockDevice { Name = "vda", SizeBytes = 8L << 30 });
        }

        // Commissioning clears the storage configuration (no skip_storage); the layout comes after it, as
        // MAAS applies the default layout once commissioning results are in.
        machine.StartCommissioning(Actor.User(admin.Username, isAdmin: true), now, LifecycleSettings.Default);
        machine.Signal("OK", null, false, now);
        if (!diskless)
        {
            DefaultStorage.Apply(machine, "flat");
        }

        await host.LinkBootInterfaceAsync(machine);
        Assert.Equal(MachineStatus.Ready, machine.Status);
        await host.Services.GetRequiredService<IMachineStore>().AddAsync(machine, Ct);
        return machine;
    }

    /// <summary>The subnet the seeded machines' boot interfaces report an address on while commissioning.</summary>
    public const string BootSubnet = "100.64.0.0/16";

    /// <summary>
    /// What commissioning gives a machine's boot interface (MAAS's initial networking, <see cref="InitialNetworking"/>):
    /// the commissioning output reports an address of <see cref="BootSubnet"/> on it, so it gets an AUTO link on that
    /// subnet, which deploy needs ("Node must be configured to use a network"). Nothing when the machine is on a network
    /// already. The host gets the subnet once. The
    /// caller saves the machine.
    /// </summary>
    public static async Task LinkBootInterfaceAsync(this ApiHost host, Machine machine)
    {
        if (machine.OnNetwork)
        {
            return;
        }

        var networks = host.Services.GetRequiredService<NetworkOperations>();
        NetworkModel model = await networks.LoadAsync(Ct);
        if (model.FindSubnet(BootSubnet) is null)
        {
            var form = new NetworkForm(new Dictionary<string, IReadOnlyList<string>> { ["cidr"] = [BootSubnet] });
            await networks.CreateSubnetAsync(Actor.System, form, Ct);
            model = await networks.LoadAsync(Ct);
        }

        NetworkInterface boot = InitialNetworking.BootInterface(machine.Interfaces, machine.BootInterfaceMac)
            ?? throw new InvalidOperationException("The machine has no interface to link.");
        string reported = $"100.64.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}/16";
        machine.SetInitialNetworking(
            new MachineInventory { Interfaces = [new InventoryInterface { Name = boot.Name, MacAddress = boot.MacAddress, Type = boot.Type, Addresses = [reported] }] },
            model);
    }

    /// <summary>What deploy checks for a stored machine: the image of <paramref name="release"/>, the boot interface on a network and, with disks, the flat layout.</summary>
    public static async Task PrepareDeployAsync(this ApiHost host, string systemId, string release)
    {
        await host.AddDeployImageAsync(release);
        var store = host.Services.GetRequiredService<IMachineStore>();
        Machine machine = (await store.FindAsync(systemId, Ct))!;
        await host.LinkBootInterfaceAsync(machine);
        if (machine.BlockDevices.Count > 0)
        {
            DefaultStorage.Apply(machine, "flat");
        }

        await store.SaveAsync(machine, Ct);
    }

    /// <summary>
    /// Registers an amd64/generic boot image <paramref name="name"/> (os/series) with a kernel, an initrd and the
    /// <paramref name="rootFileTypes"/> (e.g. <c>squashfs</c>, <c>root-tgz</c>: what decides whether it may be
    /// deployed to memory), once.
    /// </summary>
    public static async Task AddDeployImageAsync(this ApiHost host, string name, params string[] rootFileTypes)
    {
        var store = host.Services.GetRequiredService<IBootResourceStore>();
        if (await store.FindAsync(BootResourceType.Uploaded, name, "amd64/generic", Ct) is not null)
        {
            return;
        }

        var content = host.Services.GetRequiredService<IBootResourceContent>();
        var files = new List<BootResourceFile>();
        foreach (string fileType in (string[])[BootResourceFileTypes.Kernel, BootResourceFileTypes.Initrd, .. rootFileTypes])
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes($"{name} {fileType}\n"));
            StoredContent stored = await content.StoreAsync(stream, null, null, Ct);
            files.Add(new BootResourceFile { Filename = fileType, FileType = fileType, Sha256 = stored.Sha256, Size = stored.Size, Complete = true });
        }

        await host.Services.GetRequiredService<BootResourceOperations>().AddSetAsync(
            BootResourceType.Uploaded, name, "amd64/generic", BootResourceOperations.UploadedLabel, files, [], "", Ct);
    }

    /// <summary>Adds an ssh-ed25519 key (random body, as ssh-keygen writes it) to the user's account; returns it.</summary>
    public static async Task<string> AddSshKeyAsync(this ApiHost host, ApiUser user)
    {
        byte[] name = Encoding.ASCII.GetBytes("ssh-ed25519");
        byte[] blob = new byte[4 + name.Length + 4 + 32];
        BinaryPrimitives.WriteInt32BigEndian(blob, name.Length);
        name.CopyTo(blob, 4);
        BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4 + name.Length), 32);
        Random.Shared.NextBytes(blob.AsSpan(8 + name.Length));
        string key = $"ssh-ed25519 {Convert.ToBase64String(blob)} {user.Username}@laptop";
        using HttpClient api = host.Client(user.ApiKey);
        using HttpResponseMessage created = await api.PostAsync("MAAS/api/2.0/account/prefs/sshkeys/", MaasMultipart.Build(("key", key)), Ct);
        created.EnsureSuccessStatusCode();
        return key;
    }

    /// <summary>POST <c>machines/{id}/?op=…</c> with form fields; asserts 200 and returns the machine JSON.</summary>
    public static async Task<JsonNode> OpAsync(this ApiHost host, ApiUser user, string systemId, string op, params (string Name, string Value)[] fields)
    {
        using HttpClient api = host.Client(user.ApiKey);
        using HttpResponseMessage response = await api.PostAsync($"MAAS/api/2.0/machines/{systemId}/?op={op}", new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))), Ct);
        string body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"op={op}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>The machine's events as <c>events/?op=query</c> gives them: (type description, description), newest first.</summary>
    public static async Task<List<(string Type, string Description)>> EventsAsync(this ApiHost host, ApiUser admin, string systemId)
    {
        using HttpClient api = host.Client(admin.ApiKey);
        JsonNode page = JsonNode.Parse(await api.GetStringAsync($"MAAS/api/2.0/events/?op=query&id={systemId}&level=DEBUG&limit=1000", Ct))!;
        return [.. page["events"]!.AsArray().Select(e => (e!["type"]!.GetValue<string>(), e["description"]!.GetValue<string>()))];
    }

    /// <summary>
    /// A reporting event as cloud-init's (or curtin's) webhook handler posts it to <c>status/&lt;id&gt;</c>:
    /// JSON with name, description, event_type, origin, timestamp and, on finish, result; OAuth header.
    /// </summary>
    public static async Task<HttpResponseMessage> ReportAsync(this RemoteScriptsClient node, ApiHost host, string systemId, string origin, string eventType, string name, string? result = null, string description = "")
    {
        var payload = new Dictionary<string, object>
        {
            ["name"] = name,
            ["description"] = description,
            ["event_type"] = eventType,
            ["origin"] = origin,
            ["timestamp"] = 1764212345.25,
        };
        if (result is not null)
        {
            payload["result"] = result;
        }

        using HttpClient client = host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"MAAS/metadata/status/{systemId}")
        {
            Content = new StringContent(JsonSerializer.Serialize(payload), Encoding.ASCII, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", OAuthSigner.Header(node.ApiKey));
        return await client.SendAsync(request, Ct);
    }

    /// <summary>Runs a shell script with <c>sh</c>, extra environment given; returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunShellAsync(string script, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using Process process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(Ct);
        Task<string> stderr = process.StandardError.ReadToEndAsync(Ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public static MediaTypeHeaderValue? ContentType(this HttpResponseMessage response) => response.Content.Headers.ContentType;
}
