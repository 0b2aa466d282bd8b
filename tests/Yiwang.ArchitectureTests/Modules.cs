using System.Reflection;
using Yiwang.Modules.Catalog;
using Yiwang.Modules.Reference;

namespace Yiwang.ArchitectureTests;

/// <summary>The modules of the platform: add each new module here and every rule applies to it.</summary>
internal static class Modules
{
    public static readonly Assembly[] Implementations = [typeof(ReferenceModule).Assembly, typeof(CatalogModule).Assembly, typeof(Yiwang.Modules.Identity.IdentityModule).Assembly, typeof(Yiwang.Modules.Cases.CasesModule).Assembly, typeof(Yiwang.Modules.Licences.LicencesModule).Assembly, typeof(Yiwang.Modules.Hotline.HotlineModule).Assembly, typeof(Yiwang.Modules.Sharing.SharingModule).Assembly];

    public static readonly Assembly[] Contracts =
    [
        typeof(Yiwang.Modules.Reference.Contracts.IReferenceApi).Assembly,
        typeof(Yiwang.Modules.Catalog.Contracts.ICatalogApi).Assembly,
        typeof(Yiwang.Modules.Identity.Contracts.IIdentityApi).Assembly,
        typeof(Yiwang.Modules.Cases.Contracts.ICasesApi).Assembly,
        typeof(Yiwang.Modules.Licences.Contracts.Verdict).Assembly,
        typeof(Yiwang.Modules.Hotline.Contracts.CategorySuggestion).Assembly,
        typeof(Yiwang.Modules.Sharing.Contracts.ISharingApi).Assembly,
    ];

    public static IEnumerable<object[]> ImplementationNames => Implementations.Select(a => new object[] { a.GetName().Name! });

    public static IEnumerable<object[]> ContractNames => Contracts.Select(a => new object[] { a.GetName().Name! });

    public static Assembly Load(string name) => Implementations.Concat(Contracts).Single(a => a.GetName().Name == name);

    public static string ModuleOf(string assemblyName) => assemblyName.Split('.')[2];
}
