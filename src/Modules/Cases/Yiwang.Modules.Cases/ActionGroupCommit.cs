using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Yiwang.Kernel.Results;

namespace Yiwang.Modules.Cases;

/// <summary>
/// Group commit (合并提交) for single actions: actions that arrive while a commit is under way are checked one by one
/// as usual and then stored together in the next transaction, so one disk flush serves many clerks. Nobody waits for
/// a batch to fill: a writer takes whatever is queued at that moment, one action when the platform is quiet. Each
/// caller is answered only after the commit that holds its action, so an answer still means "stored".
/// If a group's commit loses to a concurrent change, its actions are retried one by one, so only the action that
/// really conflicted gets 409. <c>Cases:GroupCommit=false</c> turns it off (one transaction per action).
/// </summary>
internal sealed class ActionGroupCommit(IServiceScopeFactory scopes, IOptions<CasesOptions> options) : BackgroundService
{
    private sealed record Pending(ActionCall Call, TaskCompletionSource<Result<ActionDone>> Done, CancellationToken Ct);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });

    public async Task<Result<ActionDone>> RunAsync(ActionCall call, CancellationToken ct)
    {
        var pending = new Pending(call, new TaskCompletionSource<Result<ActionDone>>(TaskCreationOptions.RunContinuationsAsynchronously), ct);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The platform is stopping.");
        }

        // Not cancelled while waiting: once taken into a group the action may be stored, and the caller must not be told otherwise.
        return await pending.Done.Task;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writers = Math.Clamp(options.Value.GroupCommitWriters, 1, 16);
        return Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => WriteAsync(stoppingToken), CancellationToken.None)));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(CancellationToken stoppingToken)
    {
        var max = Math.Clamp(options.Value.GroupCommitMax, 1, 1000);
        var delay = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.GroupCommitDelayMs, 0, 50));
        var last = 1;
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var group = new List<Pending>();
                Take(reader, group, max);
                if (group.Count > 0 && group.Count < last && delay > TimeSpan.Zero)
                {
                    // Busy (the last group was bigger): the callers just answered are about to send their next action, so
                    // a moment's wait fills this group instead of leaving it half empty (PostgreSQL's commit_delay idea).
                    await Task.Delay(delay, stoppingToken);
                    Take(reader, group, max);
                }

                if (group.Count > 0)
                {
                    last = group.Count;
                    await CommitAsync(group);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (reader.TryRead(out var left))
            {
                left.Done.TrySetCanceled(stoppingToken);
            }
        }
    }

    private static void Take(ChannelReader<Pending> reader, List<Pending> group, int max)
    {
        while (group.Count < max && reader.TryRead(out var pending))
        {
            if (pending.Ct.IsCancellationRequested)
            {
                pending.Done.TrySetCanceled(pending.Ct);
            }
            else
            {
                group.Add(pending);
            }
        }
    }

    private async Task CommitAsync(List<Pending> group)
    {
        try
        {
            var stored = await StoreAsync(group);
            if (stored.IsFailure && group.Count > 1)
            {
                await OneByOneAsync(group);
                return;
            }

            for (var i = 0; i < group.Count; i++)
            {
                group[i].Done.TrySetResult(stored.IsFailure ? (Result<ActionDone>)stored.Error! : stored.Value![i]);
            }
        }
        catch (Exception) when (group.Count > 1)
        {
            await OneByOneAsync(group);
        }
        catch (Exception e)
        {
            group[0].Done.TrySetException(e);
        }
    }

    private async Task OneByOneAsync(List<Pending> group)
    {
        foreach (var pending in group)
        {
            try
            {
                var stored = await StoreAsync([pending]);
                pending.Done.TrySetResult(stored.IsFailure ? (Result<ActionDone>)stored.Error! : stored.Value![0]);
            }
            catch (Exception e)
            {
                pending.Done.TrySetException(e);
            }
        }
    }

    private async Task<Result<IReadOnlyList<Result<ActionDone>>>> StoreAsync(List<Pending> group)
    {
        await using var scope = scopes.CreateAsyncScope();
        var actions = scope.ServiceProvider.GetRequiredService<CaseActions>();
        return await actions.GroupAsync([.. group.Select(p => p.Call)], CancellationToken.None);
    }
}
