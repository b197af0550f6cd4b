using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ingot.Data.Migrations.Postgres
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
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.CreateTable(
                name: "domains",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    authoritative = table.Column<bool>(type: "boolean", nullable: false),
                    ttl = table.Column<int>(type: "integer", nullable: true),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_domains", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "oauth_nonces",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    consumer_key = table.Column<string>(type: "text", nullable: false),
                    token_key = table.Column<string>(type: "text", nullable: false),
                    nonce = table.Column<string>(type: "text", nullable: false),
                    timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_oauth_nonces", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_pools",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resource_pools", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ssh_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    key_digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    definition = table.Column<string>(type: "text", nullable: false),
                    comment = table.Column<string>(type: "text", nullable: false),
                    kernel_opts = table.Column<string>(type: "text", nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tags", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "zones",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
            migrationBuilder.Sql("INSERT INTO zones (name, description, created, updated) VALUES ('default', '', now(), now());");
            migrationBuilder.Sql("INSERT INTO resource_pools (id, name, description, created, updated) VALUES (0, 'default', 'Default pool', now(), now());");
            migrationBuilder.Sql("INSERT INTO domains (id, name, authoritative, ttl, created, updated) VALUES (0, 'maas', true, NULL, now(), now());");
            migrationBuilder.Sql("INSERT INTO zones (name, description, created, updated) SELECT DISTINCT zone, '', now(), now() FROM machines WHERE zone <> '' AND zone NOT IN (SELECT name FROM zones);");
            migrationBuilder.Sql("INSERT INTO resource_pools (name, description, created, updated) SELECT DISTINCT pool, '', now(), now() FROM machines WHERE pool <> '' AND pool NOT IN (SELECT name FROM resource_pools);");
            migrationBuilder.Sql("INSERT INTO domains (name, authoritative, ttl, created, updated) SELECT DISTINCT domain, true, NULL::integer, now(), now() FROM machines WHERE domain <> '' AND domain NOT IN (SELECT name FROM domains);");
            migrationBuilder.Sql("INSERT INTO tags (name, definition, comment, kernel_opts, created, updated) SELECT DISTINCT t, '', '', '', now(), now() FROM machines, unnest(machines.tags) AS t WHERE t <> '' AND t NOT IN (SELECT name FROM tags);");
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
