using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ingot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MachineDetailsAndStorageLayout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bios_boot_method",
                table: "machines",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "description",
                table: "machines",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "requested_power",
                table: "machines",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "block_device_filesystems",
                columns: table => new
                {
                    block_device_id = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", nullable: false),
                    label = table.Column<string>(type: "TEXT", nullable: false),
                    mount_point = table.Column<string>(type: "TEXT", nullable: false),
                    mount_options = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_block_device_filesystems", x => x.block_device_id);
                    table.ForeignKey(
                        name: "fk_block_device_filesystems_block_devices_block_device_id",
                        column: x => x.block_device_id,
                        principalTable: "block_devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partitions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    bootable = table.Column<bool>(type: "INTEGER", nullable: false),
                    block_device_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_partitions_block_devices_block_device_id",
                        column: x => x.block_device_id,
                        principalTable: "block_devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partition_filesystems",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", nullable: false),
                    label = table.Column<string>(type: "TEXT", nullable: false),
                    mount_point = table.Column<string>(type: "TEXT", nullable: false),
                    mount_options = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partition_filesystems", x => x.id);
                    table.ForeignKey(
                        name: "fk_partition_filesystems_partitions_id",
                        column: x => x.id,
                        principalTable: "partitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_partitions_block_device_id",
                table: "partitions",
                column: "block_device_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "block_device_filesystems");

            migrationBuilder.DropTable(
                name: "partition_filesystems");

            migrationBuilder.DropTable(
                name: "partitions");

            migrationBuilder.DropColumn(
                name: "bios_boot_method",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "description",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "requested_power",
                table: "machines");
        }
    }
}
