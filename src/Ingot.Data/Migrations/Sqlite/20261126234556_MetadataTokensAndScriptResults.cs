using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ingot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MetadataTokensAndScriptResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "script_run",
                table: "machines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "machine_tokens",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    system_id = table.Column<string>(type: "TEXT", nullable: false),
                    consumer_key = table.Column<string>(type: "TEXT", nullable: false),
                    token_key = table.Column<string>(type: "TEXT", nullable: false),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    token_secret = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_machine_tokens", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "script_sets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    system_id = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    run = table.Column<int>(type: "INTEGER", nullable: false),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_ping = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_script_sets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "script_results",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    script_set_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    script_id = table.Column<int>(type: "INTEGER", nullable: true),
                    script_version_id = table.Column<int>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    exit_status = table.Column<int>(type: "INTEGER", nullable: true),
                    runtime = table.Column<double>(type: "REAL", nullable: true),
                    output = table.Column<byte[]>(type: "BLOB", nullable: false),
                    stdout = table.Column<byte[]>(type: "BLOB", nullable: false),
                    stderr = table.Column<byte[]>(type: "BLOB", nullable: false),
                    result = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ended = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_script_results", x => x.id);
                    table.ForeignKey(
                        name: "fk_script_results_script_sets_script_set_id",
                        column: x => x.script_set_id,
                        principalTable: "script_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_machine_tokens_system_id",
                table: "machine_tokens",
                column: "system_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_machine_tokens_token_key",
                table: "machine_tokens",
                column: "token_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_script_results_script_set_id",
                table: "script_results",
                column: "script_set_id");

            migrationBuilder.CreateIndex(
                name: "ix_script_sets_system_id_kind_run",
                table: "script_sets",
                columns: new[] { "system_id", "kind", "run" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "machine_tokens");

            migrationBuilder.DropTable(
                name: "script_results");

            migrationBuilder.DropTable(
                name: "script_sets");

            migrationBuilder.DropColumn(
                name: "script_run",
                table: "machines");
        }
    }
}
