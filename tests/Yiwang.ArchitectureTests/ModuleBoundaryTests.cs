using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Yiwang.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    public static TheoryData<string> ImplementationNames => new(Modules.ImplementationNames.Select(o => (string)o[0]));

    public static TheoryData<string> ContractNames => new(Modules.ContractNames.Select(o => (string)o[0]));

    [Theory]
    [MemberData(nameof(ImplementationNames))]
    public void A_module_references_other_modules_only_through_their_contracts(string module)
    {
        var own = Modules.ModuleOf(module);
        var references = Modules.Load(module).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Yiwang.Modules.", StringComparison.Ordinal));

        references.Where(n => Modules.ModuleOf(n) != own).ShouldAllBe(n => n.EndsWith(".Contracts", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void Contracts_depend_on_neither_ef_core_nor_asp_net_core_nor_other_modules(string contracts)
    {
        var references = Modules.Load(contracts).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldNotContain(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        references.ShouldNotContain(n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        references.ShouldNotContain(n => n.StartsWith("Yiwang.Modules.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ImplementationNames))]
    public void Only_the_registration_class_of_a_module_is_public(string module)
    {
        var publicTypes = Modules.Load(module).GetExportedTypes().Select(t => t.Name).ToList();

        publicTypes.ShouldBe([Modules.ModuleOf(module) + "Module"]);
    }

    [Theory]
    [MemberData(nameof(ImplementationNames))]
    public void A_module_opens_its_internals_only_to_its_own_tests_and_the_benchmarks(string module)
    {
        var friends = Modules.Load(module).GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();

        friends.ShouldAllBe(f => f == module + ".Tests" || f == "Yiwang.Bench");
    }

    [Theory]
    [MemberData(nameof(ImplementationNames))]
    public void Every_table_of_a_module_carries_its_prefix(string module)
    {
        var prefix = Modules.ModuleOf(module).ToLowerInvariant();
        var factories = Modules.Load(module).GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<>)))
            .ToList();

        // One factory per provider (SQLite and PostgreSQL) for each of the module's contexts: a module may keep a second
        // store of its own (Sharing keeps its evidence log apart), whose tables carry the module's prefix all the same.
        factories.Count.ShouldBeGreaterThanOrEqualTo(2);
        factories.Count(f => f.Name.Contains("Sqlite", StringComparison.Ordinal)).ShouldBe(factories.Count / 2, "one design-time factory per provider and context");
        foreach (var factory in factories)
        {
            var create = factory.GetMethod("CreateDbContext")!;
            using var context = (DbContext)create.Invoke(Activator.CreateInstance(factory), [Array.Empty<string>()])!;
            context.Model.GetEntityTypes().Select(e => e.GetTableName()!).ShouldAllBe(t => t.StartsWith(prefix + "_", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_kernel_knows_no_module()
    {
        typeof(Yiwang.Kernel.Ids).Assembly.GetReferencedAssemblies().ShouldNotContain(a => a.Name!.StartsWith("Yiwang.Modules.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ImplementationNames))]
    public void Domain_types_use_neither_ef_core_nor_asp_net_core(string module)
    {
        var domainTypes = Modules.Load(module).GetTypes().Where(t => t.Namespace?.EndsWith(".Domain", StringComparison.Ordinal) == true).ToList();

        domainTypes.ShouldNotBeEmpty();
        foreach (var type in domainTypes)
        {
            var used = type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static).Select(p => p.PropertyType)
                .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)));
            used.Select(t => t.Namespace ?? "").ShouldNotContain(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal), type.FullName);
        }
    }
}
