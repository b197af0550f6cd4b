using Ingot.Core.BootResources;
using Ingot.Core.Domains;
using Ingot.Core.Events;
using Ingot.Core.Hardware;
using Ingot.Core.Machines;
using Ingot.Core.Metadata;
using Ingot.Core.Networks;
using Ingot.Core.ResourcePools;
using Ingot.Core.Scripts;
using Ingot.Core.Scripts.Catalog;
using Ingot.Core.Tags;
using Ingot.Core.Users;
using Ingot.Core.Zones;
using Ingot.Data.Model;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ingot.Data;

/// <summary>
/// The one model of Ingot's database. Each provider has a derived context
/// (<see cref="Sqlite.SqliteIngotDbContext"/>, <see cref="Postgres.PostgresIngotDbContext"/>) that
/// owns its migration set; the stores only ever see this type. Enums are stored by name,
/// instants as UTC, MACs in their normalised form, and <see cref="Machine.Version"/> is the
/// compare-and-set token.
/// </summary>
public abstract class IngotDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Machine> Machines => Set<Machine>();

    public DbSet<BlockDevice> BlockDevices => Set<BlockDevice>();

    public DbSet<NetworkInterface> Interfaces => Set<NetworkInterface>();

    public DbSet<MachineEvent> Events => Set<MachineEvent>();

    internal DbSet<HardwareDetailRow> HardwareDetails => Set<HardwareDetailRow>();

    public DbSet<User> Users => Set<User>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<ConfigEntry> Config => Set<ConfigEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Zone> Zones => Set<Zone>();

    public DbSet<ResourcePool> ResourcePools => Set<ResourcePool>();

    public DbSet<Domain> Domains => Set<Domain>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<SshKey> SshKeys => Set<SshKey>();

    public DbSet<OAuthNonce> OAuthNonces => Set<OAuthNonce>();

    public DbSet<DhcpLeaseRow> DhcpLeases => Set<DhcpLeaseRow>();

    public DbSet<BootResource> BootResources => Set<BootResource>();

    public DbSet<BootResourceSet> BootResourceSets => Set<BootResourceSet>();

    public DbSet<BootResourceFile> BootResourceFiles => Set<BootResourceFile>();

    public DbSet<BootSource> BootSources => Set<BootSource>();

    public DbSet<BootSourceSelection> BootSourceSelections => Set<BootSourceSelection>();

    public DbSet<MachineToken> MachineTokens => Set<MachineToken>();

    public DbSet<ScriptSet> ScriptSets => Set<ScriptSet>();

    public DbSet<ScriptResult> ScriptResults => Set<ScriptResult>();

    public DbSet<BmcRow> Bmcs => Set<BmcRow>();

    public DbSet<Script> Scripts => Set<Script>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<MacAddress>().HaveConversion<MacAddressConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new MachineConfiguration());
        modelBuilder.ApplyConfiguration(new BlockDeviceConfiguration());
        modelBuilder.ApplyConfiguration(new NetworkInterfaceConfiguration());
        modelBuilder.ApplyConfiguration(new MachineEventConfiguration());
        modelBuilder.ApplyConfiguration(new HardwareDetailConfiguration());
        modelBuilder.ApplyConfiguration(new UserConfiguration());
        modelBuilder.ApplyConfiguration(new ApiTokenConfiguration());
        modelBuilder.Entity<ConfigEntry>().HasKey(c => c.Name);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        var placement = new PlacementConfiguration();
        modelBuilder.ApplyConfiguration<Zone>(placement);
        modelBuilder.ApplyConfiguration<ResourcePool>(placement);
        modelBuilder.ApplyConfiguration<Domain>(placement);
        modelBuilder.ApplyConfiguration<Tag>(placement);
        modelBuilder.ApplyConfiguration(new SshKeyConfiguration());
        modelBuilder.ApplyConfiguration(new OAuthNonceConfiguration());
        modelBuilder.ApplyConfiguration(new DhcpLeaseConfiguration());
        modelBuilder.ApplyConfiguration(new BmcConfiguration());
        var network = new NetworkConfiguration();
        modelBuilder.ApplyConfiguration<Fabric>(network);
        modelBuilder.ApplyConfiguration<Vlan>(network);
        modelBuilder.ApplyConfiguration<Space>(network);
        modelBuilder.ApplyConfiguration<Subnet>(network);
        modelBuilder.ApplyConfiguration<IpRange>(network);
        modelBuilder.ApplyConfiguration<StaticIpAddress>(network);
        modelBuilder.ApplyConfiguration<NetworkState>(network);
        var bootResources = new BootResourceConfiguration();
        modelBuilder.ApplyConfiguration<BootResource>(bootResources);
        modelBuilder.ApplyConfiguration<BootResourceSet>(bootResources);
        modelBuilder.ApplyConfiguration<BootResourceFile>(bootResources);
        var bootSources = new BootSourceConfiguration();
        modelBuilder.ApplyConfiguration<BootSource>(bootSources);
        modelBuilder.ApplyConfiguration<BootSourceSelection>(bootSources);
        var metadata = new MetadataConfiguration();
        modelBuilder.ApplyConfiguration<MachineToken>(metadata);
        modelBuilder.ApplyConfiguration<ScriptSet>(metadata);
        modelBuilder.ApplyConfiguration<ScriptResult>(metadata);
        var scripts = new ScriptConfiguration();
        modelBuilder.ApplyConfiguration<Script>(scripts);
        modelBuilder.ApplyConfiguration<ScriptVersion>(scripts);
    }
}
