using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Ingot.Core.NetworkConfig;

namespace Ingot.Core.Curtin;

/// <summary>
/// Everything the curtin configuration is made of: the machine (storage), its network, the image to write,
/// the base URL of the metadata service (<c>http://&lt;rack&gt;:5248</c>) and the machine's token, which the
/// installed system's cloud-init and curtin's reporting use.
/// </summary>
public sealed record CurtinDocumentInput(
    Machine Machine,
    DeployedNetwork Network,
    CurtinSource? Source,
    string BaseUrl,
    MachineToken? Token,
    string KernelPackage = "");
