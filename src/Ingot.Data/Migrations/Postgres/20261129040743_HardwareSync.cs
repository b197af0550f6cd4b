using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ingot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HardwareSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "enable_hw_sync",
                table: "machines",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "last_sync",
                table: "machines",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sync_interval",
                table: "machines",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "enable_hw_sync",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "last_sync",
                table: "machines");

            migrationBuilder.DropColumn(
                name: "sync_interval",
                table: "machines");
        }
    }
}
