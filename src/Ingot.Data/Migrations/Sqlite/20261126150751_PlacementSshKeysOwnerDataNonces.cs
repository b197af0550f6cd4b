using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ingot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlacementSshKeysOwnerDataNonces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "owner_data",
                table: "machines",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.CreateTable(
                name: "domains",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    authoritative = table.Column<bool>(type: "INTEGER", nullable: false),
                    ttl = table.Column<int>(type: "INTEGER", nullable: true),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_domains", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "oauth_nonces",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    consumer_key = table.Column<string>(type: "TEXT", nullable: false),
                    token_key = table.Column<string>(type: "TEXT", nullable: false),
                    nonce = table.Column<string>(type: "TEXT", nullable: false),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_oauth_nonces", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_pools",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resource_pools", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ssh_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    key_digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ssh_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_ssh_keys_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    definition = table.Column<string>(type: "TEXT", nullable: false),
                    comment = table.Column<string>(type: "TEXT", nullable: false),
                    kernel_opts = table.Column<string>(type: "TEXT", nullable: false),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tags", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "zones",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    created = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_zones", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_domains_name",
                table: "domains",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_oauth_nonces_consumer_key_token_key_nonce",
                table: "oauth_nonces",
                columns: new[] { "consumer_key", "token_key", "nonce" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_oauth_nonces_timestamp",
                table: "oauth_nonces",
                column: "timestamp");

            migrationBuilder.CreateIndex(
                name: "ix_resource_pools_name",
                table: "resource_pools",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ssh_keys_user_id_key_digest",
                table: "ssh_keys",
                columns: new[] { "user_id", "key_digest" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tags_name",
                table: "tags",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_zones_name",
                table: "zones",
                column: "name",
                unique: true);

            // MAAS's defaults: the "default" zone, the "default" pool (id 0) and the "maas" domain (id 0).
            // Then every zone, pool, domain and tag that existing machines already name, so that
            // the names machines carry all exist.
            migrationBuilder.Sql("INSERT INTO zones (name, description, created, updated) VALUES ('default', '', strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'));");
            migrationBuilder.Sql("INSERT INTO resource_pools (id, name, description, created, updated) VALUES (0, 'default', 'Default pool', strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'));");
            migrationBuilder.Sql("INSERT INTO domains (id, name, authoritative, ttl, created, updated) VALUES (0, 'maas', 1, NULL, strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'));");
            migrationBuilder.Sql("INSERT INTO zones (name, description, created, updated) SELECT DISTINCT zone, '', strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now') FROM machines WHERE zone <> '' AND zone NOT IN (SELECT name FROM zones);");
            migrationBuilder.Sql("INSERT INTO resource_pools (name, description, created, updated) SELECT DISTINCT pool, '', strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now') FROM machines WHERE pool <> '' AND pool NOT IN (SELECT name FROM resource_pools);");
            migrationBuilder.Sql("INSERT INTO domains (name, authoritative, ttl, created, updated) SELECT DISTINCT domain, 1, NULL, strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now') FROM machines WHERE domain <> '' AND domain NOT IN (SELECT name FROM domains);");
            migrationBuilder.Sql("INSERT INTO tags (name, definition, comment, kernel_opts, created, updated) SELECT DISTINCT j.value, '', '', '', strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now') FROM machines, json_each(machines.tags) AS j WHERE j.value <> '' AND j.value NOT IN (SELECT name FROM tags);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "domains");

            migrationBuilder.DropTable(
                name: "oauth_nonces");

            migrationBuilder.DropTable(
                name: "resource_pools");

            migrationBuilder.DropTable(
                name: "ssh_keys");

            migrationBuilder.DropTable(
                name: "tags");

            migrationBuilder.DropTable(
                name: "zones");

            migrationBuilder.DropColumn(
                name: "owner_data",
                table: "machines");
        }
    }
}
