using System.Text;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Catalog.Importing;

namespace Yiwang.Modules.Catalog.Seeding;

/// <summary>
/// Demo data: the 1,135 real items of Guang'an district (names, codes and departments only) and a hand-written set
/// of complete guides for common items. Both go through the importer, so demo data obeys the same rules as real data.
/// </summary>
internal sealed class CatalogDemoSeeder(ItemImporter importer) : IDemoSeeder
{
    public int Order => 100;

    public async Task<string> SeedAsync(CancellationToken ct)
    {
        var assembly = typeof(CatalogDemoSeeder).Assembly;
        await using var guangan = assembly.GetManifestResourceStream("guangan_service_items.csv")!;
        var real = await importer.ImportAsync(guangan, ImportFormat.Csv, new ItemImporter.Options(Partial: true, RegisterDepartments: true), ct);
        if (real.IsFailure)
        {
            return $"catalog: Guang'an items failed: {real.Error!.Message}";
        }

        await using var demo = assembly.GetManifestResourceStream("demo-items.csv")!;
        var guides = await importer.ImportAsync(demo, ImportFormat.Csv, new ItemImporter.Options(Partial: false, RegisterDepartments: true), ct);
        if (guides.IsFailure)
        {
            return $"catalog: demo guides failed: {guides.Error!.Message}";
        }

        var sb = new StringBuilder();
        sb.Append($"catalog: Guang'an {real.Value!.Rows} rows (created {real.Value.Created}, unchanged {real.Value.Unchanged}, rejected {real.Value.Rejected}); ");
        sb.Append($"demo guides {guides.Value!.Rows} rows (created {guides.Value.Created}, updated {guides.Value.Updated}, unchanged {guides.Value.Unchanged})");
        return sb.ToString();
    }
}
