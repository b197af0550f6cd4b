using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Postgres;

/// <summary>The model on PostgreSQL; its migrations are in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresIngotDbContext(DbContextOptions<PostgresIngotDbContext> options) : IngotDbContext(options);
