using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Hotline.Domain;

/// <summary>
/// A node of the category tree (诉求分类), configurable by the platform administrator. Codes are stable: a first-level
/// code is a short ASCII word (<c>cxjs</c> for 城乡建设, also the Open311 service code), a child's is its parent's code, a
/// dot and two digits. The first level is what the dispatch model learns and the routing table routes; finer levels
/// tell the department more. A node is deactivated, never deleted, so old tickets keep their category.
/// </summary>
internal sealed class Category
{
    public const int MaxLevel = 4;

    private Category()
    {
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? ParentCode { get; private set; }
    public int Level { get; private set; }
    public bool Active { get; private set; }

    /// <summary>Order among its siblings.</summary>
    public int Position { get; private set; }
    public int Revision { get; private set; }

    public static readonly Error Invalid = Error.Validation("hotline.invalid_category",
        "A category needs a name of 1–50 characters; a new one a code of lower-case letters, or its parent's code, a dot and two digits, under an active parent at most four levels deep.");

    public static Result<Category> Create(string code, string? name, Category? parent, int position)
    {
        var n = name?.Trim() ?? "";
        var wellFormed = parent is null
            ? code.Length is >= 1 and <= 12 && code.All(char.IsAsciiLetterLower)
            : parent.Active && parent.Level < MaxLevel && code.Length == parent.Code.Length + 3 && code.StartsWith(parent.Code + ".", StringComparison.Ordinal)
              && char.IsAsciiDigit(code[^1]) && char.IsAsciiDigit(code[^2]);
        if (!wellFormed || n.Length is 0 or > 50)
        {
            return Invalid;
        }

        return new Category { Code = code, Name = n, ParentCode = parent?.Code, Level = (parent?.Level ?? 0) + 1, Active = true, Position = position };
    }

    public Result Change(string? name, bool active)
    {
        var n = name?.Trim() ?? "";
        if (n.Length is 0 or > 50)
        {
            return Invalid;
        }

        (Name, Active) = (n, active);
        Revision++;
        return Result.Success;
    }
}
