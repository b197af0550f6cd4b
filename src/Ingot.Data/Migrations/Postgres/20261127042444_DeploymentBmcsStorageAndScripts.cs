using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ingot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeploymentBmcsStorageAndScripts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "parameters",
                table: "script_results",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "bmc_id",
                table: "machines",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ephemeral_deploy",
                table: "machines",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "power_state_queried",
                table: "machines",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "quick_erase",
                table: "machines",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "secure_erase",
                table: "machines",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "storage_groups",
                table: "machines",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "user_data",
                table: "machines",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "bmcs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    power_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    power_address = table.Column<string>(type: "text", nullable: true),
                    power_parameters = table.Column<string>(type: "text", nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bmcs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scripts",
                columns: table => new
                {
                    row_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    tags = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    hardware_type = table.Column<int>(type: "integer", nullable: false),
                    parallel = table.Column<int>(type: "integer", nullable: false),
                    timeout_seconds = table.Column<int>(type: "integer", nullable: false),
                    destructive = table.Column<bool>(type: "boolean", nullable: false),
                    may_reboot = table.Column<bool>(type: "boolean", nullable: false),
                    recommission = table.Column<bool>(type: "boolean", nullable: false),
                    apply_configured_networking = table.Column<bool>(type: "boolean", nullable: false),
                    parameters = table.Column<string>(type: "text", nullable: false),
                    results = table.Column<string>(type: "text", nullable: false),
                    packages = table.Column<string>(type: "text", nullable: false),
                    for_hardware = table.Column<string>(type: "text", nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scripts", x => x.row_id);
                });

            migrationBuilder.CreateTable(
                name: "script_versions",
                columns: table => new
                {
                    row_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    script_row_id = table.Column<long>(type: "bigint", nullable: false),
                    data = table.Column<string>(type: "text", nullable: false),
                    comment = table.Column<string>(type: "text", nullable: true),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_script_versions", x => x.row_id);
                    table.ForeignKey(
                        name: "fk_script_versions_scripts_script_row_id",
                        column: x => x.script_row_id,
                        principalTable: "scripts",
                        principalColumn: "row_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_machines_bmc_id",
                table: "machines",
                column: "bmc_id");

            migrationBuilder.CreateIndex(
                name: "ix_bmcs_power_type_power_address",
                table: "bmcs",
                columns: new[] { "power_type", "power_address" });

            migrationBuilder.CreateIndex(
                name: "ix_script_versions_script_row_id",
                table: "script_versions",
                column: "script_row_id");

            migrationBuilder.CreateIndex(
                name: "ix_scripts_name",
                table: "scripts",
                column: "name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_machines_bmcs_bmc_id",
                table: "machines",
                column: "bmc_id",
                principalTable: "bmcs",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_machines_bmcs_bmc_id",
                table: "machines");

            migrationBuilder.DropTable(
                name: "bmcs");

            migrationBuilder.DropTable(
                name: "script_versions");

            migrationBuilder.DropTable(
                name: "scripts");

            migrationBuilder.DropIndex(
                name: "ix_machines_bmc_id",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "parameters",
                table: "script_results");

            migrationBuilder.DropColumn(
                name: "bmc_id",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "ephemeral_deploy",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "power_state_queried",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "quick_erase",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "secure_erase",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "storage_groups",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "user_data",
                table: "machines");
        }
    }
}
