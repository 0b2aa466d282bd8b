using System.Text.RegularExpressions;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Sharing.Contracts;
using Yiwang.Modules.Sharing.Domain;

namespace Yiwang.Modules.Sharing.Catalogue;

/// <summary>The rules of a catalogue entry (编目规则): what a provider must state before others can find and ask for it.</summary>
internal static partial class ResourceValidation
{
    [GeneratedRegex("^[0-9A-Z][0-9A-Z-]{2,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,39}$")]
    private static partial Regex ItemNamePattern();

    public static Result<ValidResource> Validate(ResourceInput input)
    {
        var code = input.Code?.Trim().ToUpperInvariant() ?? "";
        var name = input.Name?.Trim() ?? "";
        var summary = input.Summary?.Trim() ?? "";
        var items = input.Items ?? [];
        var cycle = input.UpdateCycle?.Trim() ?? "";
        var share = input.ShareType ?? ShareType.Conditional;
        var source = input.Source ?? SourceKind.Store;
        var url = input.SourceUrl?.Trim();
        if (!CodePattern().IsMatch(code) || name.Length is 0 or > 100 || summary.Length is 0 or > 1000 || !DataResource.Cycles.ContainsKey(cycle)
            || items.Count is 0 or > 100 || !items.Any(i => i.Key) || items.Select(i => i.Name).Distinct().Count() != items.Count
            || items.Any(i => !ItemNamePattern().IsMatch(i.Name ?? "") || string.IsNullOrWhiteSpace(i.Label) || i.Label.Length > 50
                || i.Length is < 1 or > 500 || i.Level is < 1 or > 4 || !Enum.IsDefined(i.Type))
            || (share == ShareType.NotShared && string.IsNullOrWhiteSpace(input.RefusalBasis))
            || (share == ShareType.Conditional && input.ShareCondition?.Length > 500) || input.RefusalBasis?.Length > 500
            || (input.Category?.Length ?? 0) > 50
            || (source == SourceKind.Http && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && url!.Length <= 500)))
        {
            return SharingErrors.InvalidResource;
        }

        return new ValidResource(
            code, name, summary, string.IsNullOrWhiteSpace(input.Category) ? "部门信息资源" : input.Category.Trim(),
            [.. items.Select(i => i with { Label = i.Label.Trim() })], cycle, share,
            share == ShareType.Conditional ? input.ShareCondition?.Trim() : null, share == ShareType.NotShared ? input.RefusalBasis!.Trim() : null,
            input.OpenType ?? OpenType.NotOpen, source, source == SourceKind.Http ? url : null);
    }
}
