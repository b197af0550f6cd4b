using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ingot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BootResources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "boot_resources",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    architecture = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    base_image = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    extra = table.Column<string>(type: "text", nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_boot_resources", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "boot_sources",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    url = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    keyring_filename = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    keyring_data = table.Column<byte[]>(type: "bytea", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    skip_keyring_verification = table.Column<bool>(type: "boolean", nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_boot_sources", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "boot_resource_sets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    resource_id = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    label = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_boot_resource_sets", x => x.id);
                    table.ForeignKey(
                        name: "fk_boot_resource_sets_boot_resources_resource_id",
                        column: x => x.resource_id,
                        principalTable: "boot_resources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "boot_source_selections",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    boot_source_id = table.Column<long>(type: "bigint", nullable: false),
                    os = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    release = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    arches = table.Column<string>(type: "text", nullable: false),
                    subarches = table.Column<string>(type: "text", nullable: false),
                    labels = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_boot_source_selections", x => x.id);
                    table.ForeignKey(
                        name: "fk_boot_source_selections_boot_sources_boot_source_id",
                        column: x => x.boot_source_id,
                        principalTable: "boot_sources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "boot_resource_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    set_id = table.Column<long>(type: "bigint", nullable: false),
                    filename = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    file_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    complete = table.Column<bool>(type: "boolean", nullable: false),
                    received = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_boot_resource_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_boot_resource_files_boot_resource_sets_set_id",
                        column: x => x.set_id,
                        principalTable: "boot_resource_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_boot_resource_files_set_id",
                table: "boot_resource_files",
                column: "set_id");

            migrationBuilder.CreateIndex(
                name: "ix_boot_resource_files_sha256",
                table: "boot_resource_files",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_boot_resource_sets_resource_id_version",
                table: "boot_resource_sets",
                columns: new[] { "resource_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_boot_resources_type_name_architecture",
                table: "boot_resources",
                columns: new[] { "type", "name", "architecture" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_boot_source_selections_boot_source_id_os_release",
                table: "boot_source_selections",
                columns: new[] { "boot_source_id", "os", "release" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_boot_sources_url",
                table: "boot_sources",
                column: "url",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "boot_resource_files");

            migrationBuilder.DropTable(
                name: "boot_source_selections");

            migrationBuilder.DropTable(
                name: "boot_resource_sets");

            migrationBuilder.DropTable(
                name: "boot_sources");

            migrationBuilder.DropTable(
                name: "boot_resources");
        }
    }
}
