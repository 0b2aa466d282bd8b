using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Calling;

/// <summary>
/// Reads a resource's records by one key item for a lookup. On SQLite it keeps a few open connections, each with the
/// statement prepared, and lends one to each read: opening a pooled connection and parsing the query again cost more
/// than the indexed read itself. On PostgreSQL, where a pooled connection is cheap and Npgsql keeps prepared
/// statements, it runs EF Core's compiled query.
/// </summary>
internal sealed class RecordReader(DatabaseSettings database) : IDisposable
{
    private const int KeptOpen = 8;

    private const string Sql = """
        SELECT r."values" FROM sharing_record_key AS k JOIN sharing_record AS r ON r.id = k.record_id
        WHERE k.resource_id = @resource AND k.field = @field AND k.value = @value LIMIT @take
        """;

    // Compiled once: the lookup runs on every call, and translating the LINQ each time cost as much as running it.
    internal static readonly Func<SharingDbContext, Guid, string, string, int, IAsyncEnumerable<Dictionary<string, string?>>> RecordsByKey =
        EF.CompileAsyncQuery((SharingDbContext db, Guid resource, string field, string value, int take) =>
            (from k in db.RecordKeys.AsNoTracking()
             where k.ResourceId == resource && k.Field == field && k.Value == value
             join r in db.Records.AsNoTracking() on k.RecordId equals r.Id
             select r.Values).Take(take));

    private readonly ConcurrentBag<Lender> _idle = [];
    private bool _disposed;

    public async Task<List<Dictionary<string, string?>>> ReadAsync(SharingDbContext db, Guid resource, string field, string value, int take, CancellationToken ct)
    {
        var rows = new List<Dictionary<string, string?>>();
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            await foreach (var values in RecordsByKey(db, resource, field, value, take).WithCancellation(ct))
            {
                rows.Add(values);
            }

            return rows;
        }

        var lender = _idle.TryTake(out var idle) ? idle : new Lender(database.ConnectionString);
        try
        {
            using (var reader = lender.Statement.Reader(database.Key(resource), field, value, take))
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

    /// <summary>An open connection with the read statement on it.</summary>
    private sealed class Lender : IDisposable
    {
        private readonly SqliteConnection _connection;

        public Lender(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            Statement = new PreparedCommand(_connection, Sql, "@resource", "@field", "@value", "@take");
        }

        public PreparedCommand Statement { get; }

        public void Dispose() => _connection.Dispose();
    }
}
