using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ingot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NetworkModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_default_gateway",
                table: "interface_links",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "fabrics",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    class_type = table.Column<string>(type: "TEXT", nullable: true),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fabrics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "network_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_network_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "spaces",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spaces", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vlans",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    fabric_id = table.Column<long>(type: "INTEGER", nullable: false),
                    vid = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    mtu = table.Column<int>(type: "INTEGER", nullable: false),
                    dhcp_on = table.Column<bool>(type: "INTEGER", nullable: false),
                    relay_vlan_id = table.Column<long>(type: "INTEGER", nullable: true),
                    primary_rack = table.Column<string>(type: "TEXT", nullable: true),
                    secondary_rack = table.Column<string>(type: "TEXT", nullable: true),
                    space_id = table.Column<long>(type: "INTEGER", nullable: true),
                    external_dhcp = table.Column<string>(type: "TEXT", nullable: true),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vlans", x => x.id);
                    table.ForeignKey(
                        name: "fk_vlans_fabrics_fabric_id",
                        column: x => x.fabric_id,
                        principalTable: "fabrics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_vlans_space_space_id",
                        column: x => x.space_id,
                        principalTable: "spaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_vlans_vlans_relay_vlan_id",
                        column: x => x.relay_vlan_id,
                        principalTable: "vlans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "subnets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    cidr = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    vlan_id = table.Column<long>(type: "INTEGER", nullable: false),
                    gateway_ip = table.Column<string>(type: "TEXT", nullable: true),
                    dns_servers = table.Column<string>(type: "TEXT", nullable: false),
                    managed = table.Column<bool>(type: "INTEGER", nullable: false),
                    allow_dns = table.Column<bool>(type: "INTEGER", nullable: false),
                    allow_proxy = table.Column<bool>(type: "INTEGER", nullable: false),
                    active_discovery = table.Column<bool>(type: "INTEGER", nullable: false),
                    rdns_mode = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subnets", x => x.id);
                    table.ForeignKey(
                        name: "fk_subnets_vlans_vlan_id",
                        column: x => x.vlan_id,
                        principalTable: "vlans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ip_ranges",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    subnet_id = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", nullable: false),
                    start_ip = table.Column<string>(type: "TEXT", nullable: false),
                    end_ip = table.Column<string>(type: "TEXT", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    user = table.Column<string>(type: "TEXT", nullable: true),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ip_ranges", x => x.id);
                    table.ForeignKey(
                        name: "fk_ip_ranges_subnets_subnet_id",
                        column: x => x.subnet_id,
                        principalTable: "subnets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "static_ip_addresses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ip = table.Column<string>(type: "TEXT", nullable: true),
                    alloc_type = table.Column<string>(type: "TEXT", nullable: false),
                    subnet_id = table.Column<long>(type: "INTEGER", nullable: false),
                    interface_id = table.Column<long>(type: "INTEGER", nullable: true),
                    user = table.Column<string>(type: "TEXT", nullable: true),
                    mac_address = table.Column<string>(type: "TEXT", nullable: true),
                    hostname = table.Column<string>(type: "TEXT", nullable: true),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_static_ip_addresses", x => x.id);
                    table.ForeignKey(
                        name: "fk_static_ip_addresses_subnets_subnet_id",
                        column: x => x.subnet_id,
                        principalTable: "subnets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_fabrics_name",
                table: "fabrics",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ip_ranges_subnet_id",
                table: "ip_ranges",
                column: "subnet_id");

            migrationBuilder.CreateIndex(
                name: "ix_spaces_name",
                table: "spaces",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_static_ip_addresses_interface_id",
                table: "static_ip_addresses",
                column: "interface_id");

            migrationBuilder.CreateIndex(
                name: "ix_static_ip_addresses_ip",
                table: "static_ip_addresses",
                column: "ip",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_static_ip_addresses_subnet_id",
                table: "static_ip_addresses",
                column: "subnet_id");

            migrationBuilder.CreateIndex(
                name: "ix_subnets_cidr",
                table: "subnets",
                column: "cidr",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subnets_vlan_id",
                table: "subnets",
                column: "vlan_id");

            migrationBuilder.CreateIndex(
                name: "ix_vlans_fabric_id_vid",
                table: "vlans",
                columns: new[] { "fabric_id", "vid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_vlans_relay_vlan_id",
                table: "vlans",
                column: "relay_vlan_id");

            migrationBuilder.CreateIndex(
                name: "ix_vlans_space_id",
                table: "vlans",
                column: "space_id");

            // MAAS's defaults: the network model's version row, fabric-0 (id 0) and its untagged VLAN (id 5001).
            migrationBuilder.Sql("INSERT INTO network_state (id, version) VALUES (1, 0);");
            migrationBuilder.Sql("INSERT INTO fabrics (id, name, description, class_type, created, updated) VALUES (0, 'fabric-0', '', NULL, strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'));");
            migrationBuilder.Sql("INSERT INTO vlans (id, fabric_id, vid, name, description, mtu, dhcp_on, relay_vlan_id, primary_rack, secondary_rack, space_id, external_dhcp, created, updated) VALUES (5001, 0, 0, NULL, '', 1500, 0, NULL, NULL, NULL, NULL, NULL, strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ip_ranges");

            migrationBuilder.DropTable(
                name: "network_state");

            migrationBuilder.DropTable(
                name: "static_ip_addresses");

            migrationBuilder.DropTable(
                name: "subnets");

            migrationBuilder.DropTable(
                name: "vlans");

            migrationBuilder.DropTable(
                name: "fabrics");

            migrationBuilder.DropTable(
                name: "spaces");

            migrationBuilder.DropColumn(
                name: "is_default_gateway",
                table: "interface_links");
        }
    }
}
