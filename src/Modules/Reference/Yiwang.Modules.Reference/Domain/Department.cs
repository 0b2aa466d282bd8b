using Yiwang.Kernel.Results;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Reference.Domain;

/// <summary>A government department (部门): the implementing body of service items.</summary>
internal sealed class Department
{
    private Department()
    {
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? CreditCode { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string? ParentCode { get; private set; }
    public int Revision { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public static Result<Department> Create(Guid id, string code, string name, string? creditCode, string regionCode, string? parentCode, DateTimeOffset now)
    {
        if (!IsValidCode(code))
        {
            return DepartmentErrors.InvalidCode;
        }

        var department = new Department { Id = id, Code = code.Trim(), CreatedAtUtc = now.UtcDateTime };
        var changed = department.Update(name, creditCode, regionCode, parentCode, now);
        return changed.IsFailure ? changed.Error! : department;
    }

    public Result Update(string name, string? creditCode, string regionCode, string? parentCode, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return DepartmentErrors.InvalidName;
        }

        var credit = string.IsNullOrWhiteSpace(creditCode) ? null : creditCode.Trim().ToUpperInvariant();
        if (credit is not null && !UnifiedSocialCreditCode.IsValid(credit))
        {
            return DepartmentErrors.InvalidCreditCode;
        }

        if (parentCode is not null && parentCode == Code)
        {
            return DepartmentErrors.OwnParent;
        }

        Name = name.Trim();
        CreditCode = credit;
        RegionCode = regionCode;
        ParentCode = string.IsNullOrWhiteSpace(parentCode) ? null : parentCode.Trim();
        UpdatedAtUtc = now.UtcDateTime;
        Revision++;
        return Result.Success;
    }

    public DepartmentInfo ToInfo() => new(Code, Name, CreditCode, RegionCode, ParentCode);

    internal static bool IsValidCode(string? code) =>
        code is { Length: >= 2 and <= 32 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

internal static class DepartmentErrors
{
    public static readonly Error InvalidCode = Error.Validation("reference.invalid_department_code", "A department code is 2 to 32 letters, digits, '-' or '_'.");
    public static readonly Error InvalidName = Error.Validation("reference.invalid_department_name", "A department name is 1 to 100 characters.");
    public static readonly Error InvalidCreditCode = Error.Validation("reference.invalid_credit_code", "The unified social credit code is not 18 valid characters with a correct check character (GB 32100).");
    public static readonly Error OwnParent = Error.Validation("reference.department_own_parent", "A department cannot be its own parent.");
    public static readonly Error InvalidRegionCode = Error.Validation("reference.invalid_region_code", "A region code is 2, 4, 6 or 12 digits (GB/T 2260), down to county level.");
    public static readonly Error UnknownRegion = Error.Unprocessable("reference.unknown_region", "No such region code.");
    public static readonly Error UnknownParent = Error.Unprocessable("reference.unknown_parent_department", "No such parent department.");
    public static readonly Error DuplicateCode = Error.Conflict("reference.duplicate_department", "A department with this code exists.");
    public static readonly Error DuplicateCreditCode = Error.Conflict("reference.duplicate_credit_code", "Another department has this credit code.");
    public static readonly Error NotFound = Error.NotFound("reference.department_not_found", "No such department.");
}
