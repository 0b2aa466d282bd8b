using Microsoft.Extensions.Logging;
using Yiwang.Modules.Identity.Contracts;

namespace Yiwang.Modules.Identity;

/// <summary>Sends text messages. Deployments plug in their SMS gateway; development uses <see cref="DevelopmentSmsSender"/>.</summary>
internal interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken ct);
}

/// <summary>Checks a name and ID number against an authoritative source (公安人口库 in production).</summary>
internal interface IRealNameVerifier
{
    Task<bool> VerifyAsync(string name, string idNumber, CancellationToken ct);
}

/// <summary>Development sender: writes the message to the log and keeps it in an inbox tests can read. Never for production.</summary>
internal sealed partial class DevelopmentSmsSender(ILogger<DevelopmentSmsSender> logger) : ISmsSender
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _inbox = new();

    public Task SendAsync(string phone, string text, CancellationToken ct)
    {
        _inbox[phone] = text;
        LogSent(logger, phone[..3] + "****" + phone[7..], text);
        return Task.CompletedTask;
    }

    /// <summary>The last message sent to a phone, for tests and local development.</summary>
    public string? LastTo(string phone) => _inbox.GetValueOrDefault(phone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development SMS to {Phone}: {Text}")]
    private static partial void LogSent(ILogger logger, string phone, string text);
}

/// <summary>
/// Development verifier: accepts a valid ID number whose name matches the one registered; names starting with
/// "测试拒绝" are always refused, to exercise the failure path.
/// </summary>
internal sealed class DevelopmentRealNameVerifier : IRealNameVerifier
{
    public Task<bool> VerifyAsync(string name, string idNumber, CancellationToken ct) =>
        Task.FromResult(ResidentIdNumber.IsValid(idNumber) && !name.StartsWith("测试拒绝", StringComparison.Ordinal));
}
