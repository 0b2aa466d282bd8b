using System.Data.Common;
using System.Runtime.InteropServices;
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
    /// syncs it first. With <paramref name="andItsName"/> it also syncs the directory that holds the log: the first sync
    /// after a writer opens its connection must, because the log may have just been created, and a file whose
    /// directory entry is not yet on disk can vanish in a crash with everything in it. SQLite would sync the directory
    /// itself only in its own synced commits, which a deferring connection does not make. While the writer's
    /// connection stays open SQLite keeps the same log file (it resets it, never removes it), so later syncs need not.
    /// </summary>
    public static void SyncLog(string log, bool andItsName = false)
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

        if (andItsName)
        {
            SyncDirectory(Path.GetDirectoryName(log)!);
        }
    }

    /// <summary>How many times a directory has been synced in this process (for tests).</summary>
    public static int DirectorySyncs => _directorySyncs;

    private static int _directorySyncs;

    /// <summary>
    /// Syncs a directory's entries. .NET cannot open a directory as a file, so this calls the C library; Windows needs
    /// nothing of the kind (NTFS journals its directories).
    /// </summary>
    private static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const int linuxReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY; elsewhere plain O_RDONLY (0) opens a directory too
        var fd = Native.Open(directory, OperatingSystem.IsLinux() ? linuxReadOnlyDirectory : 0);
        if (fd < 0)
        {
            throw new IOException($"Cannot open the directory {directory} to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Native.Fsync(fd) != 0)
            {
                throw new IOException($"Cannot sync the directory {directory} (errno {Marshal.GetLastPInvokeError()}).");
            }

            Interlocked.Increment(ref _directorySyncs);
        }
        finally
        {
            _ = Native.Close(fd);
        }
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        public static extern int Fsync(int fd);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        public static extern int Close(int fd);
    }
}
