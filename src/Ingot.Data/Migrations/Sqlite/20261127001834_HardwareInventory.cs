using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ingot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HardwareInventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hardware_info",
                table: "machines",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "hardware_uuid",
                table: "machines",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "numa_nodes",
                table: "machines",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "firmware_version",
                table: "interfaces",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "interface_speed",
                table: "interfaces",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "link_connected",
                table: "interfaces",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "numa_node",
                table: "interfaces",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "product",
                table: "interfaces",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "sriov_max_vf",
                table: "interfaces",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "vendor",
                table: "interfaces",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "firmware_version",
                table: "block_devices",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "id_path",
                table: "block_devices",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "numa_node",
                table: "block_devices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "hardware_details",
                columns: table => new
                {
                    machine_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hardware_details", x => new { x.machine_id, x.name });
                    table.ForeignKey(
                        name: "fk_hardware_details_machines_machine_id",
                        column: x => x.machine_id,
                        principalTable: "machines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hardware_details");

            migrationBuilder.DropColumn(
                name: "hardware_info",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "hardware_uuid",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "numa_nodes",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "firmware_version",
                table: "interfaces");

            migrationBuilder.DropColumn(
                name: "interface_speed",
                table: "interfaces");

            migrationBuilder.DropColumn(
                name: "link_connected",
                table: "interfaces");

            migrationBuilder.DropColumn(
                name: "numa_node",
                table: "interfaces");

            migrationBuilder.DropColumn(
                name: "product",
                table: "interfaces");

            migrationBuilder.DropColumn(
                name: "sriov_max_vf",
                table: "interfaces");

            migrationBuilder.DropColumn(
                name: "vendor",
                table: "interfaces");

            migrationBuilder.DropColumn(
                name: "firmware_version",
                table: "block_devices");

            migrationBuilder.DropColumn(
                name: "id_path",
                table: "block_devices");

            migrationBuilder.DropColumn(
                name: "numa_node",
                table: "block_devices");
        }
    }
}
