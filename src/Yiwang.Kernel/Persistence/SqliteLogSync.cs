using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Yiwang.Kernel.Persistence;

/// <summary>
/// Commits on SQLite that are made durable after the write lock is released rather than inside it. A connection set to
/// defer its syncs commits with <c>synchronous=NORMAL</c>: the commit's pages are written to the write-ahead log but
/// not synced. <see cref="SyncLog"/> then syncs the log file, which makes every commit written to it so far durable:
/// recovery replays every complete transaction it finds in the log, and a checkpoint that moves pages from the log into
/// the database syncs both files itself. While one batch's sync runs, the next batch can already be written; with
/// <c>synchronous=FULL</c> every writer waits for the previous one's sync, and a group commit of a few milliseconds
/// left the cores of a small node idle. A caller answers nobody before <see cref="SyncLog"/> has returned.
/// </summary>
public static class SqliteLogSync
{
    /// <summary>Whether commits on this store are synced at all (SQLite in its default, durable mode).</summary>
    public static bool CanDefer(this DatabaseSettings settings) => settings.Provider == DatabaseProvider.Sqlite && !settings.SqliteFastCommits;

    /// <summary>Lets commits on <paramref name="connection"/> return before they are synced; see <see cref="SyncLog"/>.</summary>
    public static void DeferSyncs(DbConnection connection) => SqliteFastCommitInterceptor.Apply(connection); // the same pragma as fast commits

    /// <summary>The store's write-ahead log file; worked out once by a caller that syncs it again and again.</summary>
    public static string LogPath(this DatabaseSettings settings) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource) + "-wal";

    /// <summary>
    /// Syncs the write-ahead log at <paramref name="log"/> (<see cref="LogPath"/>), making every commit written to it so
    /// far durable. A missing log means the last connection has closed, which checkpoints the log into the database and
    /// syncs it first.
    /// </summary>
    public static void SyncLog(string log)
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return;
        }

        using (handle)
        {
            RandomAccess.FlushToDisk(handle);
        }
    }
}
