namespace Yiwang.Kernel.Privacy;

/// <summary>
/// How lists and logs show a person's name and phone (脱敏): the surname and stars (李**), the first three and last
/// four digits (138****1234). One place, so that every module masks the same way. ID numbers are masked by
/// <c>ResidentIdNumber.Mask</c> in the identity contract.
/// </summary>
public static class PersonalDataMasks
{
    public static string Name(string name) => name.Length switch
    {
        0 => "",
        1 => "*",
        _ => name[..1] + new string('*', Math.Min(name.Length - 1, 8)),
    };

    public static string? Phone(string? phone) => phone switch
    {
        null => null,
        { Length: < 7 } p => new string('*', p.Length),
        var p => p[..3] + new string('*', p.Length - 7) + p[^4..],
    };
}
