using Yiwang.Kernel.Results;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Identity.Domain;

internal enum AccountKind
{
    Citizen,
    Staff,
}

/// <summary>Whose records a staff member may see (数据范围).</summary>
internal enum DataScope
{
    Department,
    Region,
    All,
}

/// <summary>A natural person's or a staff member's account (自然人 / 工作人员账号).</summary>
internal sealed class Account
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private Account()
    {
    }

    public Guid Id { get; private set; }
    public AccountKind Kind { get; private set; }
    public string LoginName { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? IdNumber { get; private set; }
    public string? Phone { get; private set; }
    public TrustLevel TrustLevel { get; private set; }
    public string PasswordHash { get; private set; } = "";
    public int FailedSignIns { get; private set; }
    public DateTime? LockedUntilUtc { get; private set; }
    public string? DepartmentCode { get; private set; }
    public string? RegionCode { get; private set; }
    public string Roles { get; private set; } = "";
    public DataScope Scope { get; private set; }
    public int Revision { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public IReadOnlyList<string> RoleList => Roles.Length == 0 ? [] : Roles.Split(',');

    public static Result<Account> RegisterCitizen(Guid id, string? name, string? idNumber, string? phone, string? password, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50)
        {
            return IdentityErrors.InvalidName;
        }

        var number = idNumber?.Trim().ToUpperInvariant();
        if (!ResidentIdNumber.IsValid(number))
        {
            return IdentityErrors.InvalidIdNumber;
        }

        if (phone is null || phone.Length != 11 || !phone.All(char.IsAsciiDigit) || phone[0] != '1')
        {
            return IdentityErrors.InvalidPhone;
        }

        var strength = CheckPassword(password);
        if (strength.IsFailure)
        {
            return strength.Error!;
        }

        return new Account
        {
            Id = id,
            Kind = AccountKind.Citizen,
            LoginName = number!,
            Name = name.Trim(),
            IdNumber = number,
            Phone = phone,
            TrustLevel = TrustLevel.SelfRegistered,
            PasswordHash = PasswordHashing.Hash(password!),
            CreatedAtUtc = now.UtcDateTime,
        };
    }

    public static Account CreateStaff(Guid id, string loginName, string name, string password, string departmentCode, string regionCode, IEnumerable<string> roles, DataScope scope, DateTimeOffset now) => new()
    {
        Id = id,
        Kind = AccountKind.Staff,
        LoginName = loginName,
        Name = name,
        TrustLevel = TrustLevel.InPersonVerified,
        PasswordHash = PasswordHashing.Hash(password),
        DepartmentCode = departmentCode,
        RegionCode = regionCode,
        Roles = string.Join(',', roles),
        Scope = scope,
        CreatedAtUtc = now.UtcDateTime,
    };

    public bool IsLockedOut(DateTimeOffset now) => LockedUntilUtc is { } until && until > now.UtcDateTime;

    /// <summary>Checks a password; five failures in a row lock the account for 15 minutes.</summary>
    public Result SignIn(string password, DateTimeOffset now)
    {
        if (IsLockedOut(now))
        {
            return IdentityErrors.LockedOut;
        }

        if (!PasswordHashing.Verify(password, PasswordHash))
        {
            FailedSignIns++;
            if (FailedSignIns >= MaxFailures)
            {
                LockedUntilUtc = now.UtcDateTime + LockoutDuration;
                FailedSignIns = 0;
            }

            Revision++;
            return IdentityErrors.InvalidCredentials;
        }

        if (FailedSignIns != 0 || LockedUntilUtc is not null)
        {
            FailedSignIns = 0;
            LockedUntilUtc = null;
            Revision++;
        }

        return Result.Success;
    }

    /// <summary>Raises the trust level; never lowers it.</summary>
    public void RaiseTrust(TrustLevel level)
    {
        if (level > TrustLevel)
        {
            TrustLevel = level;
            Revision++;
        }
    }

    internal static Result CheckPassword(string? password) =>
        password is { Length: >= 10 and <= 128 } && password.Any(char.IsLetter) && password.Any(char.IsDigit)
            ? Result.Success
            : IdentityErrors.WeakPassword;
}
