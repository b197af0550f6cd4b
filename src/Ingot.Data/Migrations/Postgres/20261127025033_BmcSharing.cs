using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ingot.Data.Migrations.Postgres
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
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "power_state_queried",
                table: "machines",
                type: "timestamp with time zone",
                nullable: true);

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
