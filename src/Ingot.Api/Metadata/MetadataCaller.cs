using Ingot.Api.Dispatch;
using Ingot.Api.Wire;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;

namespace Ingot.Api.Metadata;

/// <summary>
/// Who is calling the metadata API: the machine whose token signed the request (MAAS's
/// <c>get_queried_node</c>), or nobody (the enlistment handlers).
/// </summary>
internal sealed record MetadataCaller(MachineToken? Token, Machine? Machine)
{
    public static MetadataCaller Anonymous { get; } = new(null, null);

    public bool IsAnonymous => Machine is null;

    /// <summary>The signed-in machine; an anonymous caller on a handler without an anonymous variant gets the 401 challenge.</summary>
    public Machine RequireMachine() => Machine ?? throw ApiException.Unauthorized(ApiDispatcher.ChallengeBody);
}
