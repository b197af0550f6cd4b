using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ingot.Data.Sqlite;

/// <summary>
/// The safety net of <see cref="SqliteWriteGate"/>: a connection that closes still holding the gate
/// (its transaction was disposed without a commit or rollback being seen, which rolls it back) lets
/// it go.
/// </summary>
internal sealed class SqliteWriteGateConnections(SqliteWriteGate gate) : DbConnectionInterceptor
{
    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => gate.Leave(eventData.ConnectionId);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        gate.Leave(eventData.ConnectionId);
        return Task.CompletedTask;
    }
}
