using System.Text.Json.Nodes;

namespace Ingot.Sim.Redfish;

/// <summary>
/// The Redfish resources the virtual BMC serves, as JSON (DMTF schema names, <c>@odata.id</c>,
/// <c>@odata.type</c>, <c>@odata.context</c>). Pure: state in, documents out.
/// </summary>
public static class RedfishDocuments
{
    public const string Root = "/redfish/v1/";
    public const string Systems = "/redfish/v1/Systems";
    public const string Managers = "/redfish/v1/Managers";
    public const string Chassis = "/redfish/v1/Chassis";
    public const string SessionService = "/redfish/v1/SessionService";
    public const string Sessions = "/redfish/v1/SessionService/Sessions";
    public const string ManagerId = "BMC";
    public const string ChassisId = "Enclosure";

    public static JsonObject ServiceRoot(Guid uuid) => Resource(Root, "ServiceRoot", "v1_5_0", "RootService", "Ingot virtual Redfish service",
        new JsonObject
        {
            ["RedfishVersion"] = "1.6.0",
            ["UUID"] = uuid.ToString(),
            ["Systems"] = Link(Systems),
            ["Chassis"] = Link(Chassis),
            ["Managers"] = Link(Managers),
            ["SessionService"] = Link(SessionService),
            ["Links"] = new JsonObject { ["Sessions"] = Link(Sessions) },
        });

    public static JsonObject Collection(string path, string type, string name, IEnumerable<string> memberPaths)
    {
        JsonArray members = [.. memberPaths.Select(p => (JsonNode)Link(p))];
        return new JsonObject
        {
            ["@odata.id"] = path,
            ["@odata.type"] = $"#{type}.{type}",
            ["@odata.context"] = $"/redfish/v1/$metadata#{type}.{type}",
            ["Name"] = name,
            ["Members@odata.count"] = members.Count,
            ["Members"] = members,
        };
    }

    public static JsonObject System(VirtualSystem system)
    {
        (bool on, string enabled, string target, string mode, string etag) = system.Snapshot();
        string path = SystemPath(system.Id);
        JsonObject json = Resource(path, "ComputerSystem", "v1_10_0", system.Id, $"Virtual system {system.Id}", new JsonObject
        {
            ["@odata.etag"] = etag,
            ["SystemType"] = "Physical",
            ["Manufacturer"] = "Ingot",
            ["Model"] = "Virtual machine",
            ["UUID"] = system.Uuid.ToString(),
            ["PowerState"] = on ? "On" : "Off",
            ["Status"] = new JsonObject { ["State"] = "Enabled", ["Health"] = "OK" },
            ["Boot"] = new JsonObject
            {
                ["BootSourceOverrideEnabled"] = enabled,
                ["BootSourceOverrideTarget"] = target,
                ["BootSourceOverrideTarget@Redfish.AllowableValues"] = Strings(VirtualSystem.BootTargets),
                ["BootSourceOverrideMode"] = mode,
            },
            ["Actions"] = new JsonObject
            {
                ["#ComputerSystem.Reset"] = new JsonObject
                {
                    ["target"] = $"{path}/Actions/ComputerSystem.Reset",
                    ["@Redfish.ActionInfo"] = $"{path}/ResetActionInfo",
                    ["ResetType@Redfish.AllowableValues"] = Strings(VirtualSystem.ResetTypes),
                },
            },
            ["EthernetInterfaces"] = Link(EthernetInterfacesPath(system.Id)),
            ["Links"] = new JsonObject
            {
                ["Chassis"] = new JsonArray(Link($"{Chassis}/{ChassisId}")),
                ["ManagedBy"] = new JsonArray(Link($"{Managers}/{ManagerId}")),
            },
        });
        return json;
    }

    /// <summary>The system's EthernetInterfaces collection: one member per NIC, ids "1".."N".</summary>
    public static JsonObject EthernetInterfaces(VirtualSystem system) =>
        Collection(EthernetInterfacesPath(system.Id), "EthernetInterfaceCollection", "Ethernet Network Interface Collection",
            system.Macs.Select((_, i) => $"{EthernetInterfacesPath(system.Id)}/{i + 1}"));

    /// <summary>One NIC (DMTF EthernetInterface): its current and permanent MAC, link up, enabled.</summary>
    public static JsonObject EthernetInterface(VirtualSystem system, int index, string mac) =>
        Resource($"{EthernetInterfacesPath(system.Id)}/{index}", "EthernetInterface", "v1_6_0", $"{index}", $"Ethernet interface {index}", new JsonObject
        {
            ["MACAddress"] = mac,
            ["PermanentMACAddress"] = mac,
            ["InterfaceEnabled"] = true,
            ["LinkStatus"] = "LinkUp",
            ["SpeedMbps"] = 10000,
            ["Status"] = new JsonObject { ["State"] = "Enabled", ["Health"] = "OK" },
        });

    public static JsonObject ResetActionInfo(string systemId) =>
        Resource($"{SystemPath(systemId)}/ResetActionInfo", "ActionInfo", "v1_1_2", "ResetActionInfo", "Reset Action Info", new JsonObject
        {
            ["Parameters"] = new JsonArray(new JsonObject
            {
                ["Name"] = "ResetType",
                ["Required"] = true,
                ["DataType"] = "String",
                ["AllowableValues"] = Strings(VirtualSystem.ResetTypes),
            }),
        });

    public static JsonObject Manager() => Resource($"{Managers}/{ManagerId}", "Manager", "v1_5_0", ManagerId, "Virtual BMC", new JsonObject
    {
        ["ManagerType"] = "BMC",
        ["Status"] = new JsonObject { ["State"] = "Enabled", ["Health"] = "OK" },
    });

    public static JsonObject Enclosure() => Resource($"{Chassis}/{ChassisId}", "Chassis", "v1_10_0", ChassisId, "Virtual enclosure", new JsonObject
    {
        ["ChassisType"] = "Enclosure",
        ["Status"] = new JsonObject { ["State"] = "Enabled", ["Health"] = "OK" },
    });

    public static JsonObject SessionServiceResource() =>
        Resource(SessionService, "SessionService", "v1_1_6", "SessionService", "Session Service", new JsonObject
        {
            ["ServiceEnabled"] = true,
            ["SessionTimeout"] = 1800,
            ["Sessions"] = Link(Sessions),
        });

    public static JsonObject Session(string id, string userName) =>
        Resource($"{Sessions}/{id}", "Session", "v1_1_0", id, "User Session", new JsonObject { ["UserName"] = userName });

    /// <summary>A Redfish error body (<c>error</c> with code, message and extended info).</summary>
    public static JsonObject Error(string messageId, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = $"Base.1.8.{messageId}",
            ["message"] = message,
            ["@Message.ExtendedInfo"] = new JsonArray(new JsonObject
            {
                ["@odata.type"] = "#Message.v1_1_1.Message",
                ["MessageId"] = $"Base.1.8.{messageId}",
                ["Message"] = message,
                ["Severity"] = "Critical",
                ["Resolution"] = "Correct the request and resubmit it.",
            }),
        },
    };

    public static string SystemPath(string id) => $"{Systems}/{id}";

    public static string EthernetInterfacesPath(string id) => $"{SystemPath(id)}/EthernetInterfaces";

    private static JsonObject Resource(string path, string type, string version, string id, string name, JsonObject properties)
    {
        var json = new JsonObject
        {
            ["@odata.id"] = path,
            ["@odata.type"] = $"#{type}.{version}.{type}",
            ["@odata.context"] = $"/redfish/v1/$metadata#{type}.{type}",
            ["Id"] = id,
            ["Name"] = name,
        };
        foreach ((string key, JsonNode? value) in properties.ToList())
        {
            properties.Remove(key);
            json[key] = value;
        }

        return json;
    }

    private static JsonObject Link(string path) => new() { ["@odata.id"] = path };

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];
}
