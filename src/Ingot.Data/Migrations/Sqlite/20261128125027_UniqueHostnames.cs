using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ingot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UniqueHostnames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Machines that share a hostname are renamed first: the oldest keeps it, the others get name-2, name-3, ...
            migrationBuilder.Sql(HostnameDeduplication.ComputeRenames);
            migrationBuilder.Sql(HostnameDeduplication.ApplyRenames);
            migrationBuilder.Sql(HostnameDeduplication.DropRenames);

            migrationBuilder.DropIndex(
                name: "ix_machines_hostname",
                table: "machines");

            migrationBuilder.CreateIndex(
                name: "ix_machines_hostname",
                table: "machines",
                column: "hostname",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_machines_hostname",
                table: "machines");

            migrationBuilder.CreateIndex(
                name: "ix_machines_hostname",
                table: "machines",
                column: "hostname");
        }
    }
}
