using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ingot.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "last_sync",
                table: "machines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sync_interval",
                table: "machines",
                type: "INTEGER",
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
