using Yiwang.Kernel.Results;

namespace Yiwang.Kernel.Paging;

/// <summary>A 1-based page request, bounded so that no caller can ask for an unbounded result.</summary>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Items per page, 1 to <see cref="MaxPageSize"/>.</param>
public readonly record struct PageRequest(int Page, int PageSize)
{
    /// <summary>The page size used when none is given.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The largest page size accepted.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Number of items to skip.</summary>
    public int Skip => (Page - 1) * PageSize;

    /// <summary>Validates optional query-string values and applies defaults.</summary>
    public static Result<PageRequest> From(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var s = pageSize ?? DefaultPageSize;
        if (p < 1 || p > 100_000)
        {
            return Error.Validation("paging.invalid_page", "page must be between 1 and 100000.");
        }

        if (s < 1 || s > MaxPageSize)
        {
            return Error.Validation("paging.invalid_page_size", $"pageSize must be between 1 and {MaxPageSize}.");
        }

        return new PageRequest(p, s);
    }
}

/// <summary>One page of results.</summary>
/// <typeparam name="T">Item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Total">Total number of matching items.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Requested page size.</param>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
