namespace Yiwang.Kernel.Modules;

/// <summary>A command-line verb contributed by a module, e.g. <c>yiwang calendar import FILE</c>.</summary>
/// <param name="Path">The words that select it, e.g. <c>["calendar", "import"]</c>.</param>
/// <param name="Usage">One-line usage, shown by <c>--help</c>.</param>
/// <param name="Description">What it does.</param>
/// <param name="RunAsync">Runs it with the remaining arguments; returns the process exit code.</param>
public sealed record CliCommand(
    string[] Path,
    string Usage,
    string Description,
    Func<IServiceProvider, string[], CancellationToken, Task<int>> RunAsync);

/// <summary>Writes a module's demo data; called by <c>yiwang seed-demo</c> in module order. Must be idempotent.</summary>
public interface IDemoSeeder
{
    /// <summary>Lower runs first (modules that others depend on seed first).</summary>
    int Order { get; }

    /// <summary>Seeds the demo data, skipping what is already there; returns a line for the operator.</summary>
    Task<string> SeedAsync(CancellationToken ct);
}

/// <summary>Work a module must finish before the node reports ready (for example building a search index).</summary>
public interface IReadinessGate
{
    /// <summary>Name shown by <c>/health/ready</c>.</summary>
    string Name { get; }

    /// <summary>Whether the work is done.</summary>
    bool IsReady { get; }
}

/// <summary>Start-up work a module does after migrations (load shipped data, warm caches).</summary>
public interface IModuleInitializer
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    /// <summary>Runs once per process start.</summary>
    Task InitializeAsync(CancellationToken ct);
}
