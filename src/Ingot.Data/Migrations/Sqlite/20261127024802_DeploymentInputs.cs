using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ingot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeploymentInputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ephemeral_deploy",
                table: "machines",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "quick_erase",
                table: "machines",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "secure_erase",
                table: "machines",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "user_data",
                table: "machines",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ephemeral_deploy",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "quick_erase",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "secure_erase",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "user_data",
                table: "machines");
        }
    }
}
