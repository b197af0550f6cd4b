using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ingot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BmcSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "bmc_id",
                table: "machines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "power_state_queried",
                table: "machines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "bmcs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    power_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    power_address = table.Column<string>(type: "TEXT", nullable: true),
                    power_parameters = table.Column<string>(type: "TEXT", nullable: false),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bmcs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_machines_bmc_id",
                table: "machines",
                column: "bmc_id");

            migrationBuilder.CreateIndex(
                name: "ix_bmcs_power_type_power_address",
                table: "bmcs",
                columns: new[] { "power_type", "power_address" });

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

            migrationBuilder.DropIndex(
                name: "ix_machines_bmc_id",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "bmc_id",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "power_state_queried",
                table: "machines");
        }
    }
}
