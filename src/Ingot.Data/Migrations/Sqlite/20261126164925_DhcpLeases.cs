using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ingot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DhcpLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dhcp_leases",
                columns: table => new
                {
                    address = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    mac = table.Column<string>(type: "TEXT", nullable: false),
                    starts = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ends = table.Column<DateTime>(type: "TEXT", nullable: false),
                    hostname = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dhcp_leases", x => x.address);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dhcp_leases_mac",
                table: "dhcp_leases",
                column: "mac");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dhcp_leases");
        }
    }
}
