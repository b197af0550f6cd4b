using Ingot.Api.Wire;
using Ingot.Core.Enlistment;
using Ingot.Core.Machines;
using Ingot.Core.Machines.Filters;

namespace Ingot.Api.Machines;

/// <summary>
/// <c>/MAAS/api/2.0/machines/</c> (MAAS's <c>MachinesHandler</c>, and <c>AnonMachinesHandler</c> for
/// enlistment): list with filters, create, allocate, accept, release, and the other collection ops.
/// </summary>
public static partial class MachinesApi
{
    public static ApiResource Resource { get; } = new(
        "machines/",
        new ApiHandler("MachinesHandler", "Manage the collection of all the machines in the MAAS.")
            .Read(ReadAsync, """
                List machines.

                List machines visible to the user, optionally filtered by criteria.

                :param hostname: Only machines with this hostname (repeatable).
                :param id: Only machines with this system_id (repeatable).
                :param mac_address: Only machines with this MAC address (repeatable).
                :param domain: Only machines in this domain.
                :param zone: Only machines in this zone.
                :param pool: Only machines in this resource pool.
                :param tags: Only machines carrying every one of these tags.
                :param agent_name: Only machines with this agent name.
                :param status: Only machines in this status (e.g. ready, deployed).
                """)
            .Create(CreateAsync, CreateDoc)
            .Post("allocate", AllocateAsync, """
                Allocate an available machine.

                Constraints choose among the READY machines the user may use.

                :param name: Hostname or FQDN of the machine.
                :param system_id: system_id of the machine.
                :param arch: Architecture (repeatable).
                :param cpu_count: Minimum number of CPUs.
                :param mem: Minimum memory in MiB.
                :param tags: Tags the machine must have (repeatable or comma-separated).
                :param not_tags: Tags the machine must not have.
                :param zone: Zone name.
                :param not_in_zone: Zones the machine must not be in.
                :param pool: Resource pool name.
                :param not_in_pool: Pools the machine must not be in.
                :param storage: Storage constraint, e.g. root:8,data:100(ssd).
                :param interfaces: Interface constraint, e.g. eth0:subnet_cidr=10.0.0.0/24.
                :param agent_name: Agent name stored on the machine.
                :param comment: Comment for the event log.
                :param dry_run: Choose a machine without allocating it.
                :param verbose: Also report the storage and interface matches of every candidate (verbose_storage, verbose_interfaces in constraints_by_type).
                """)
            .Post("accept", AcceptAsync, AcceptDoc)
            .Post("add_chassis", AddChassisAsync, AddChassisDoc)
            .Post("accept_all", AcceptAllAsync, "Accept all declared machines into MAAS.\n\nEvery NEW machine the user administers starts commissioning.")
            .Post("release", ReleaseAsync, """
                Release machines.

                :param machines: system_ids of the machines to release (repeatable).
                :param comment: Comment for the event log.
                """)
            .Get("list_allocated", ListAllocatedAsync, "Fetch machines that were allocated to the user.\n\n:param id: Only these system_ids (repeatable).")
            .Get("is_registered", IsRegisteredAsync, IsRegisteredDoc)
            .Post("set_zone", SetZoneAsync, """
                Assign multiple nodes to a physical zone at once.

                :param zone: Zone name.
                :param nodes: system_ids of the nodes whose zone is to be set (repeatable).
                """)
            .Get("power_parameters", PowerParametersAsync, "Get power parameters of multiple machines.\n\n:param id: system_ids of the machines (repeatable; none means all).")
            .Post("clone", CloneAsync, """
                Clone storage and/or interface configurations.

                :param source: system_id or hostname of the machine to clone from.
                :param destinations: system_ids or hostnames of the machines to clone to (repeatable).
                :param interfaces: Whether to clone the interface configuration.
                :param storage: Whether to clone the storage configuration.
                """),
        new ApiHandler("AnonMachinesHandler", "Anonymous access to Machines.")
            .Create(EnlistAsync, CreateDoc)
            .Post("accept", AcceptAsync, AcceptDoc)
            .Get("is_registered", IsRegisteredAsync, IsRegisteredDoc)
            .Get("is_action_in_progress", IsActionInProgressAsync, IsActionInProgressDoc));

    internal const string IsRegisteredDoc = """
        Check whether a MAC address is registered.

        :param mac_address: The MAC address (several may be joined by commas).
        """;

    internal const string IsActionInProgressDoc = """
        Check whether a machine with this MAC address is commissioning or deploying.

        :param mac_address: The MAC address (several may be joined by commas).
        """;

    private const string CreateDoc = """
        Create a new machine.

        An administrator's machine starts commissioning unless commission=false; anyone else's is NEW.

        :param architecture: Architecture, e.g. amd64 or amd64/generic.
        :param mac_addresses: MAC addresses of the machine (repeatable or comma-separated).
        :param hostname: Hostname (random when absent).
        :param domain: DNS domain.
        :param power_type: Power driver, e.g. ipmi, redfish, manual.
        :param power_parameters_{param}: A power parameter, e.g. power_parameters_power_address.
        :param min_hwe_kernel: Minimum kernel (hwe-... or ga-...).
        :param commission: Whether to commission the machine (default true for administrators).
        :param deployed: Add an already deployed machine (administrators).
        :param description: Description (administrators).
        :param zone: Zone name (administrators).
        :param pool: Resource pool name (administrators).
        """;

    private const string AcceptDoc = """
        Accept declared machines into MAAS.

        :param machines: system_ids of the machines to accept (repeatable).
        """;

    private static async Task<ApiResult> ReadAsync(ApiRequest request, CancellationToken ct)
    {
        var filter = MachineFilter.Parse(MachineForms.ToForm(request.Query), await request.VocabularyAsync(ct), allocating: false);
        return await MachineListResponse.ReadAsync(request, filter, ct);
    }

    private static async Task<ApiResult> CreateAsync(ApiRequest request, CancellationToken ct)
    {
        MachineRequest form = MachineForms.Create(request.Form, request.Caller.IsAdmin);
        Machine machine = await (await request.AddingAsync(ct)).AddAsync(form, request.Caller, ct);
        return await MachineResponses.OneAsync(request, machine, ct);
    }

    /// <summary>Anonymous create: a booting machine enlists itself; the answer is the anonymous field set.</summary>
    private static async Task<ApiResult> EnlistAsync(ApiRequest request, CancellationToken ct)
    {
        MachineRequest form = MachineForms.Create(request.Form, isAdmin: false);
        await request.Placement().CheckAsync(null, null, form.Domain, ct);
        EnlistmentResult result = await (await request.AddingAsync(ct)).Enlister.EnlistAsync(form, ct);
        return await MachineResponses.AnonymousAsync(request, result.Machine, ct);
    }
}
