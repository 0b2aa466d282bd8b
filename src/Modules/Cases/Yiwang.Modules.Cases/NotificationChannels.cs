using Microsoft.Extensions.Logging;
using Yiwang.Modules.Cases.Contracts;

namespace Yiwang.Modules.Cases;

/// <summary>Sends a committed case's message through every registered channel, best effort.</summary>
internal sealed partial class NotificationFanOut(IEnumerable<ICaseNotificationChannel> channels, ILogger<NotificationFanOut> logger)
{
    public async Task SendAsync(Guid accountId, string? phone, string text, CancellationToken ct)
    {
        foreach (var channel in channels)
        {
            try
            {
                await channel.SendAsync(accountId, phone, text, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, channel.GetType().Name, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification channel {Channel} failed")]
    private static partial void LogFailed(ILogger logger, string channel, Exception e);
}
