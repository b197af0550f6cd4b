using System.Reflection;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Data.Stores;

namespace Ingot.Data.Tests.Infrastructure;

/// <summary>
/// Compares every public property of two machines. A property of a type this does not know fails
/// the comparison, so a property added to <see cref="Machine"/> cannot be forgotten by the store.
/// </summary>
public static class MachineAssert
{
    private static readonly HashSet<Type> s_scalars =
        [typeof(string), typeof(long), typeof(long?), typeof(int), typeof(int?), typeof(bool), typeof(DateTime), typeof(DateTime?), typeof(MacAddress?)];

    public static void Equivalent(Machine expected, Machine actual)
    {
        foreach (PropertyInfo property in typeof(Machine).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            object? want = property.GetValue(expected);
            object? got = property.GetValue(actual);
            switch (property.Name)
            {
                case nameof(Machine.PendingEvents):
                case nameof(Machine.PowerQueryDue): // in memory only: set by status changes, taken after the save
                case nameof(Machine.BootInterface): // computed from BootInterfaceMac and Interfaces, both compared
                    continue;
                case nameof(Machine.PowerParameters):
                    Assert.Equal(
                        expected.PowerParameters.OrderBy(p => p.Key, StringComparer.Ordinal),
                        actual.PowerParameters.OrderBy(p => p.Key, StringComparer.Ordinal));
                    continue;
                case nameof(Machine.OwnerData):
                    Assert.Equal(
                        expected.OwnerData.OrderBy(p => p.Key, StringComparer.Ordinal),
                        actual.OwnerData.OrderBy(p => p.Key, StringComparer.Ordinal));
                    continue;
                case nameof(Machine.HardwareInfo):
                    Assert.Equal(
                        expected.HardwareInfo.OrderBy(p => p.Key, StringComparer.Ordinal),
                        actual.HardwareInfo.OrderBy(p => p.Key, StringComparer.Ordinal));
                    continue;
                case nameof(Machine.NumaNodes):
                    Assert.Equal(expected.NumaNodes.Count, actual.NumaNodes.Count);
                    Assert.All(expected.NumaNodes.Zip(actual.NumaNodes), p =>
                    {
                        Assert.Equal((p.First.Index, p.First.Memory), (p.Second.Index, p.Second.Memory));
                        Assert.Equal(p.First.Cores, p.Second.Cores);
                    });
                    continue;
                case nameof(Machine.Storage):
                    Assert.Equal(
                        System.Text.Json.JsonSerializer.Serialize(expected.Storage),
                        System.Text.Json.JsonSerializer.Serialize(actual.Storage));
                    continue;
                case nameof(Machine.Tags):
                    Assert.Equal(expected.Tags, actual.Tags);
                    continue;
                case nameof(Machine.Modaliases):
                    Assert.Equal(expected.Modaliases, actual.Modaliases);
                    continue;
                case nameof(Machine.NodeDevices):
                    Assert.Equal(expected.NodeDevices, actual.NodeDevices);
                    continue;
                case nameof(Machine.BlockDevices):
                    Assert.Equal(HardwareFingerprint.Of(expected.BlockDevices), HardwareFingerprint.Of(actual.BlockDevices));
                    continue;
                case nameof(Machine.Interfaces):
                    Assert.Equal(HardwareFingerprint.Of(expected.Interfaces), HardwareFingerprint.Of(actual.Interfaces));
                    continue;
                default:
                    break;
            }

            Type type = property.PropertyType;
            bool known = s_scalars.Contains(type) || type.IsEnum || Nullable.GetUnderlyingType(type)?.IsEnum == true;
            Assert.True(known, $"Machine.{property.Name} has type {type.Name}, which this comparison does not know.");
            Assert.True(Equals(want, got), $"Machine.{property.Name}: expected '{want}', got '{got}'.");
            if (got is DateTime instant)
            {
                Assert.Equal(DateTimeKind.Utc, instant.Kind);
            }
        }
    }

    /// <summary>The hardware with the row ids left out, for comparing after rows were rewritten.</summary>
    public static string HardwareWithoutIds(Machine machine) =>
        HardwareFingerprint.Of(machine.BlockDevices.Select(d => d.Copy())) + HardwareFingerprint.Of(machine.Interfaces.Select(i => new NetworkInterface
        {
            Name = i.Name,
            MacAddress = i.MacAddress,
            Type = i.Type,
            LinkSpeed = i.LinkSpeed,
            Enabled = i.Enabled,
            Parents = i.Parents,
            Vlan = i.Vlan,
            Links = i.Links,
        }));
}
