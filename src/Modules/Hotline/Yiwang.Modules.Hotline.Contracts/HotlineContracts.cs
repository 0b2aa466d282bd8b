namespace Yiwang.Modules.Hotline.Contracts;

/// <summary>One category and how sure the dispatch model is of it (0–1).</summary>
public sealed record CategoryScore(string Category, double Confidence);

/// <summary>
/// What smart dispatch (智能派单) suggests for a ticket's text: the most likely first-level category (一级分类), its
/// confidence, the runners-up, whether the confidence reaches the deployment's threshold for automatic dispatch, and
/// the department the routing table names for that category in the ticket's region (null when no route matches).
/// </summary>
public sealed record CategorySuggestion(
    string Category, double Confidence, bool Automatic, IReadOnlyList<CategoryScore> Ranked, string? DepartmentCode = null, string? DepartmentName = null);
