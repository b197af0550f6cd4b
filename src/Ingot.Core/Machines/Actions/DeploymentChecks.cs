using Ingot.Core.Boot;
using Ingot.Core.BootResources;
using Ingot.Core.Enlistment;
using Ingot.Core.Storage;

namespace Ingot.Core.Machines.Actions;

/// <summary>
/// What MAAS checks when a deployment starts (<c>Node.start</c> → <c>validate_bootresource_exists_for_action</c>,
/// then <c>_start_deployment</c>), in MAAS's order, before anything changes: the release to install must have a
/// boot image for the machine's architecture (400 "Deployment operating system &lt;os&gt;/&lt;series&gt; is
/// unavailable for &lt;arch&gt;/&lt;subarch&gt;."); a deployment to memory (<c>ephemeral_deploy</c>, or a diskless
/// machine) needs an image MAAS can deploy to memory (400 "Deployment to memory not supported for
/// &lt;os&gt;/&lt;series&gt; on &lt;arch&gt;", <see cref="CanDeployToMemory"/>); the machine must be on a network (400
/// <c>{"network": ["Node must be configured to use a network"]}</c>, <see cref="CheckNetwork"/>); and a deployment
/// to disk needs a storage configuration that fits the machine (400 <c>{"storage": [...]}</c>, the messages of
/// <see cref="StorageCheck"/>).
/// </summary>
public sealed class DeploymentChecks(IBootImageCatalog images)
{
    /// <summary>Throws the first refusal; returns when the deployment may start.</summary>
    public async Task CheckAsync(Machine machine, DeployOptions options, CancellationToken ct)
    {
        string osystem = options.Osystem.Length > 0 ? options.Osystem : DeployOptions.DefaultOsystem;
        string series = options.DistroSeries.Length > 0 ? options.DistroSeries : DeployOptions.DefaultDistroSeries;
        string architecture = machine.Architecture.Contains('/', StringComparison.Ordinal) ? machine.Architecture : $"{machine.Architecture}/generic";
        BootImage? image = await images.FindAsync(osystem, series, architecture, ct);
        if (image is null)
        {
            throw MachineOperationException.Validation($"Deployment operating system {osystem}/{series} is unavailable for {architecture}.");
        }

        bool toMemory = options.EphemeralDeploy || machine.BlockDevices.Count == 0;
        if (toMemory && !CanDeployToMemory(image))
        {
            throw MachineOperationException.Validation($"Deployment to memory not supported for {osystem}/{series} on {architecture}");
        }

        CheckNetwork(machine);

        IReadOnlyList<string> problems = toMemory ? [] : StorageCheck.Problems(machine);
        if (problems.Count > 0)
        {
            throw new MachineFormException(new Dictionary<string, IReadOnlyList<string>> { ["storage"] = problems });
        }
    }

    /// <summary>
    /// MAAS's first check in <c>_start_deployment</c>: a machine with no link to a subnet other than LINK_UP
    /// (<see cref="Machine.OnNetwork"/>) cannot deploy, whether to disk or to memory. MAAS raises
    /// <c>ValidationError({"network": [...]})</c>, which its API answers 400 with that dictionary as JSON.
    /// A host without boot images runs this check alone (<see cref="MachineLifecycle.DeployAsync"/>).
    /// </summary>
    public static void CheckNetwork(Machine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        if (!machine.OnNetwork)
        {
            throw new MachineFormException(new Dictionary<string, IReadOnlyList<string>> { ["network"] = [NotOnNetwork] });
        }
    }

    /// <summary>
    /// MAAS's <c>OSReleaseArchitecture.can_deploy_to_memory</c> (<c>maasserver/utils/osystems.py</c>): a synced
    /// image's install file must be the squashfs, an uploaded one's a root tarball <c>root-tgz</c> or
    /// <c>root-txz</c>; a disk image (<c>root-dd*</c>), <c>root-tbz</c> or an image with no install file cannot be
    /// deployed to memory. Synced images carry only the squashfs and uploads cannot carry one, so the file types
    /// decide without the resource type.
    /// </summary>
    public static bool CanDeployToMemory(BootImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Files.ContainsKey(BootResourceFileTypes.Squashfs)
            || image.Files.ContainsKey(BootResourceFileTypes.RootTgz)
            || image.Files.ContainsKey(BootResourceFileTypes.RootTxz);
    }

    /// <summary>MAAS's text, word for word.</summary>
    public const string NotOnNetwork = "Node must be configured to use a network";
}
