using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ingot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DhcpLeaseStarts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_dhcp_leases_starts",
                table: "dhcp_leases",
                column: "starts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_dhcp_leases_starts",
                table: "dhcp_leases");
        }
    }
}
