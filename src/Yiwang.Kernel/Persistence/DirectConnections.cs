using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Yiwang.Kernel.Persistence;

/// <summary>
/// A connection to the platform's store outside EF Core, for the few hot paths that keep one open with prepared
/// statements (the evidence log writer, lookups by key): re-preparing a statement and renting a connection on every
/// call cost more than the work itself. It is configured like the connections EF opens.
/// </summary>
public static class DirectConnections
{
    /// <summary>Opens a new connection of the configured provider; the caller owns it.</summary>
    public static async Task<DbConnection> OpenDirectAsync(this DatabaseSettings settings, CancellationToken ct)
    {
        DbConnection connection = settings.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(settings.ConnectionString)
            : new NpgsqlConnection(WithGenericPlans(settings.ConnectionString));
        try
        {
            await connection.OpenAsync(ct);
            if (settings.Provider == DatabaseProvider.Sqlite && settings.SqliteFastCommits)
            {
                SqliteFastCommitInterceptor.Apply(connection);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The connection string of direct PostgreSQL connections: their prepared statements always run on the generic
    /// plan. By default PostgreSQL plans a prepared statement anew on every run while it thinks a plan for the values
    /// given beats the generic one, and for statements over arrays (the hub's batched reads and evidence inserts) it
    /// always thinks so: the planning cost about 40 core-µs a lookup. The hot-path statements are lookups by primary
    /// or unique keys and inserts, for which the generic plan is the plan. The setting makes these connections a pool
    /// of their own, so EF Core's connections keep the default.
    /// </summary>
    internal static string WithGenericPlans(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c plan_cache_mode=force_generic_plan".Trim();
        return builder.ConnectionString;
    }

    /// <summary>A one-off statement on a direct connection, in <paramref name="transaction"/> when given, with named values.</summary>
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in values)
        {
            command.Parameter(name).Value = value;
        }

        return command;
    }

    /// <summary>Runs a one-off statement (see <see cref="Command"/>) and returns the first column of the first row, or null.</summary>
    public static async Task<object?> ScalarAsync(this DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct, params (string Name, object Value)[] values)
    {
        await using var command = connection.Command(transaction, sql, values);
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>Adds a named parameter and returns it, so that a prepared command can be run again with new values.</summary>
    public static DbParameter Parameter(this DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>
    /// A GUID as the column holds it: EF Core keeps GUIDs in SQLite as upper-case text and in PostgreSQL as
    /// <c>uuid</c>; a parameter bound outside EF must match.
    /// </summary>
    public static object Key(this DatabaseSettings settings, Guid id) =>
        settings.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
}
