using System.Reflection;
using Shouldly;
using Xunit;
using Yiwang.Host.Components;

namespace Yiwang.EndToEndTests;

/// <summary>The UI strings: one key means one text.</summary>
public sealed class UiTextTests
{
    [Fact]
    public void No_key_is_defined_in_two_text_tables_with_different_words()
    {
        // Texts.T looks the tables up in order, so a key defined twice silently shows the first table's words.
        var tables = typeof(Texts).GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Dictionary<string, (string Zh, string En)>))
            .Select(f => (f.Name, Table: (Dictionary<string, (string Zh, string En)>)f.GetValue(null)!)).ToList();
        tables.Count.ShouldBeGreaterThan(3);

        var clashes = tables.SelectMany(t => t.Table.Select(entry => (t.Name, entry.Key, entry.Value)))
            .GroupBy(e => e.Key).Where(g => g.Select(e => e.Value).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(" / ", g.Select(e => $"{e.Name}={e.Value.Zh}"))}").ToList();

        clashes.ShouldBeEmpty();
    }
}
