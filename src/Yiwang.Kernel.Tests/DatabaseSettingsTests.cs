using Npgsql;
using Shouldly;
using Xunit;
using Yiwang.Kernel.Persistence;

namespace Yiwang.Kernel.Tests;

public sealed class DatabaseSettingsTests
{
    [Fact]
    public void No_connection_string_means_a_sqlite_file_in_the_data_directory()
    {
        var settings = DatabaseSettings.Resolve(null, "/srv/yiwang");

        settings.Provider.ShouldBe(DatabaseProvider.Sqlite);
        settings.ConnectionString.ShouldContain("Data Source=/srv/yiwang/yiwang.db");
    }

    [Theory]
    [InlineData("Host=db;Username=yiwang;Database=yiwang")]
    [InlineData("postgresql://yiwang:secret@db:5433/yiwang")]
    public void A_postgres_connection_lets_npgsql_prepare_repeated_statements(string connectionString)
    {
        var settings = DatabaseSettings.Resolve(connectionString, "/srv/yiwang");
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);

        settings.Provider.ShouldBe(DatabaseProvider.Postgres);
        builder.MaxAutoPrepare.ShouldBe(64);
        builder.AutoPrepareMinUsages.ShouldBe(3);
        builder.NoResetOnClose.ShouldBeTrue();
    }

    [Fact]
    public void An_operators_own_auto_prepare_and_reset_settings_are_kept()
    {
        var settings = DatabaseSettings.Resolve("Host=db;Username=yiwang;Max Auto Prepare=0;No Reset On Close=false", "/srv/yiwang");

        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        builder.MaxAutoPrepare.ShouldBe(0);
        builder.NoResetOnClose.ShouldBeFalse();
    }

    [Fact]
    public void A_store_of_its_own_is_a_file_beside_the_main_one_on_sqlite_and_the_same_database_on_postgres()
    {
        var sqlite = DatabaseSettings.Resolve(null, "/srv/yiwang");
        var store = sqlite.Store("sharing-evidence");

        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.ConnectionString).DataSource.ShouldBe(Path.Combine(Path.GetFullPath("/srv/yiwang"), "sharing-evidence.db"));
        store.Provider.ShouldBe(DatabaseProvider.Sqlite);
        (sqlite with { SqliteFastCommits = true }).Store("x").SqliteFastCommits.ShouldBeTrue();
        var postgres = DatabaseSettings.Resolve("Host=db;Username=yiwang", "/srv/yiwang");
        postgres.Store("sharing-evidence").ShouldBe(postgres);
    }
}
