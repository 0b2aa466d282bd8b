using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Yiwang.Kernel.Persistence;

namespace Yiwang.Modules.Sharing.Calling;

/// <summary>
/// Reads a resource's records by one key item for a lookup on SQLite. It keeps a few open connections, each with the
/// statement prepared, and lends one to each read: opening a pooled connection and parsing the query again cost more
/// than the indexed read itself. On PostgreSQL the evidence log reads a lookup's records in the transaction that logs
/// it (<see cref="Evidence.EvidenceLog.AppendAfterReadAsync"/>); before that, concurrent lookups were read together in
/// round trips of their own, and before that one prepared statement a lookup on lent connections like these.
/// </summary>
internal sealed class RecordReader(DatabaseSettings database) : IDisposable
{
    private const int KeptOpen = 8;

    // The limit is written into the statement, not bound: SQLite (3.53) plans a bound LIMIT with its value, so every
    // new value expired the plan and each read parsed and planned the join again (one re-prepare per lookup).
    internal static string Sql(int take) => $"""
        SELECT r."values" FROM sharing_record_key AS k JOIN sharing_record AS r ON r.id = k.record_id
        WHERE k.resource_id = @resource AND k.field = @field AND k.value = @value LIMIT {take.ToString(CultureInfo.InvariantCulture)}
        """;

    private readonly ConcurrentBag<Lender> _idle = [];
    private bool _disposed;

    public async Task<List<Dictionary<string, string?>>> ReadAsync(Guid resource, string field, string value, int take, CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("On PostgreSQL the evidence log reads a lookup's records (EvidenceLog.AppendAfterReadAsync).");
        }

        var rows = new List<Dictionary<string, string?>>();
        var lender = _idle.TryTake(out var idle) ? idle : new Lender(await database.OpenDirectAsync(ct));
        try
        {
            // SQLite reads synchronously whichever call is made; the synchronous one skips the task machinery.
            using (var reader = lender.Statement(take).Reader(database.Key(resource), field, value))
            {
                while (reader.Read())
                {
                    rows.Add(JsonColumns.Read<Dictionary<string, string?>>(reader.GetString(0)));
                }
            }

            Return(lender);
            return rows;
        }
        catch
        {
            lender.Dispose();
            throw;
        }
    }

    private void Return(Lender lender)
    {
        if (_disposed || _idle.Count >= KeptOpen)
        {
            lender.Dispose();
            return;
        }

        _idle.Add(lender);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var lender))
        {
            lender.Dispose();
        }
    }

    /// <summary>An open connection with the read statement on it, prepared once for each limit asked for (in practice one).</summary>
    private sealed class Lender(DbConnection connection) : IDisposable
    {
        private readonly DbConnection _connection = connection;
        private readonly Dictionary<int, PreparedCommand> _statements = [];

        public PreparedCommand Statement(int take)
        {
            if (!_statements.TryGetValue(take, out var statement))
            {
                _statements[take] = statement = new PreparedCommand(_connection, Sql(take), "@resource", "@field", "@value");
            }

            return statement;
        }

        public void Dispose() => _connection.Dispose();
    }
}
