using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ingot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NodeDevicesAndCommissioningOptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "tags",
                table: "script_sets",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "modaliases",
                table: "machines",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "node_devices",
                table: "machines",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "skip_networking",
                table: "machines",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "skip_storage",
                table: "machines",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "tags",
                table: "script_sets");

            migrationBuilder.DropColumn(
                name: "modaliases",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "node_devices",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "skip_networking",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "skip_storage",
                table: "machines");
        }
    }
}
