using System.Data.Common;

namespace Yiwang.Kernel.Persistence;

/// <summary>
/// One SQL statement on a connection that stays open, prepared the first time it runs (when its parameters have
/// values, which Npgsql needs to infer their types) and run again with new values after that. Not thread-safe: it
/// belongs to whoever owns the connection.
/// </summary>
public sealed class PreparedCommand
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;
    private bool _prepared;

    /// <summary>A statement with the named parameters, in the order values will be given.</summary>
    public PreparedCommand(DbConnection connection, string sql, params string[] parameters)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = parameters.Select(_command.Parameter).ToArray();
    }

    /// <summary>Runs the statement inside <paramref name="transaction"/> from now on (SQLite requires it to be named).</summary>
    public void Use(DbTransaction? transaction) => _command.Transaction = transaction;

    /// <summary>Runs it and returns the number of rows changed.</summary>
    public async Task<int> RunAsync(CancellationToken ct, params object?[] values) => await (await ReadyAsync(values, ct)).ExecuteNonQueryAsync(ct);

    /// <summary>Runs it and returns the first column of the first row, or null.</summary>
    public async Task<object?> ScalarAsync(CancellationToken ct, params object?[] values) => await (await ReadyAsync(values, ct)).ExecuteScalarAsync(ct);

    /// <summary>Runs it and returns a reader, which the caller disposes.</summary>
    public async Task<DbDataReader> ReaderAsync(CancellationToken ct, params object?[] values) => await (await ReadyAsync(values, ct)).ExecuteReaderAsync(ct);

    /// <summary>Runs it synchronously and returns a reader (SQLite does its work synchronously either way).</summary>
    public DbDataReader Reader(params object?[] values)
    {
        Bind(values);
        if (!_prepared)
        {
            _command.Prepare();
            _prepared = true;
        }

        return _command.ExecuteReader();
    }

    private async Task<DbCommand> ReadyAsync(object?[] values, CancellationToken ct)
    {
        Bind(values);
        if (!_prepared)
        {
            await _command.PrepareAsync(ct);
            _prepared = true;
        }

        return _command;
    }

    private void Bind(object?[] values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"The statement takes {_parameters.Length} values, not {values.Length}.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
