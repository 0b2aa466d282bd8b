using Yiwang.Kernel.Modules;

namespace Yiwang.Modules.Catalog.Search;

/// <summary>Starts building the search index right after migrations, in parallel with the rest of start-up.</summary>
internal sealed class CatalogIndexInitializer(CatalogIndexSync sync) : IModuleInitializer
{
    public int Order => -100;

    public Task InitializeAsync(CancellationToken ct)
    {
        _ = sync.StartBuild(CancellationToken.None);
        return Task.CompletedTask;
    }
}
