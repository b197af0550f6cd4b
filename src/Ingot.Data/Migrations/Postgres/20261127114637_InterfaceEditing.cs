using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ingot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InterfaceEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "params",
                table: "interfaces",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<List<string>>(
                name: "tags",
                table: "interfaces",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "params",
                table: "interfaces");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "interfaces");
        }
    }
}
