using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yiwang.Kernel.Persistence;

/// <summary>
/// Stores a value object as one JSON text column (readable Chinese, web casing) on both providers. Such values are
/// replaced, never changed in place, so comparing references is enough to detect a change and saves serialising
/// every loaded row twice on each save.
/// </summary>
public static class JsonColumns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property) where T : class =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<T>(s, Json)!,
            new ValueComparer<T>((a, b) => ReferenceEquals(a, b), v => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(v), v => v));

    /// <summary>Reads such a column's text outside EF Core, exactly as the conversion does.</summary>
    public static T Read<T>(string json) where T : class => JsonSerializer.Deserialize<T>(json, Json)!;
}
