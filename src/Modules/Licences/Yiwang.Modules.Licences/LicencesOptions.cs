namespace Yiwang.Modules.Licences;

/// <summary>Settings of the licences module (section <c>Licences</c>).</summary>
internal sealed class LicencesOptions
{
    /// <summary>The platform's public address: issuer ids, status-list URLs and QR links start with it.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How long a status list is cached (by us and by verifiers, via Cache-Control): a revocation is seen within this time.</summary>
    public int StatusListCacheSeconds { get; set; } = 60;

    /// <summary>How often completed cases are read to issue their licences.</summary>
    public int IssueFromCasesSeconds { get; set; } = 10;

    /// <summary>Working days an issuer has to answer a data objection (证照数据异议).</summary>
    public int ObjectionDays { get; set; } = 5;

    /// <summary>How often unanswered objections past their due time are looked for and escalated.</summary>
    public int ObjectionSweepSeconds { get; set; } = 60;

    /// <summary>The Chromium that prints licences to PDF (Debian package <c>chromium</c>); without it only HTML is offered.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    public string BaseUrl => PublicUrl.TrimEnd('/');
}
