using Yiwang.Kernel.Privacy;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Sharing.Contracts;

namespace Yiwang.Modules.Sharing.Calling;

/// <summary>
/// Masks (脱敏) a sensitive value by its type, keeping just enough to match it against what the consumer already holds:
/// ID numbers keep the first and last character (3****************X), phones the first three and last four digits,
/// names the surname (the platform's masks for phones and names), credit codes the first two and last two
/// characters, anything else its first and last character.
/// </summary>
internal static class Masking
{
    public static string? Mask(ItemType type, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        return type switch
        {
            ItemType.Phone when value.Length >= 7 => PersonalDataMasks.Phone(value),
            ItemType.PersonName => PersonalDataMasks.Name(value), // a one-character name shows nothing
            ItemType.CreditCode when value.Length > 4 => value[..2] + new string('*', value.Length - 4) + value[^2..],
            _ => ResidentIdNumber.Mask(value), // first and last character: the platform's mask for ID numbers, used for the rest too
        };
    }
}
