using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Idempotency;
using TumorBoard.Web.Auth;

namespace TumorBoard.Web.Database;

/// <summary>
/// Deletes what is kept only for a while: idempotency keys past their retention and sign-in counters of windows that
/// have ended. Each instance runs it; the DELETEs go by indexed time columns, so several instances at once only repeat
/// a cheap statement. A failure (the database away for a moment) is logged and tried again at the next interval.
/// </summary>
public sealed class ExpiredRowsPurge(IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, ILogger<ExpiredRowsPurge> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first run after one interval: at start-up the database may still be migrating.
        using var timer = new PeriodicTimer(options.Value.PurgeInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var keys = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PurgeAsync(stoppingToken);
                var windows = await scope.ServiceProvider.GetRequiredService<SignInThrottle>().PurgeAsync(stoppingToken);
                if (keys + windows > 0) log.LogInformation("Purged {Keys} expired idempotency keys and {Windows} ended sign-in windows.", keys, windows);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Purging expired idempotency keys and sign-in windows failed; trying again later.");
            }
        }
    }
}
