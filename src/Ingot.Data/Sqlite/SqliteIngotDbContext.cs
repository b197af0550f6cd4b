using Microsoft.EntityFrameworkCore;

namespace Ingot.Data.Sqlite;

/// <summary>The model on SQLite; its migrations are in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteIngotDbContext(DbContextOptions<SqliteIngotDbContext> options) : IngotDbContext(options);
