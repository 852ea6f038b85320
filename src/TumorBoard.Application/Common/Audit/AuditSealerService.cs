using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using TumorBoard.Application.Persistence;

namespace TumorBoard.Application.Common.Audit;

/// <summary>
/// Runs <see cref="AuditSealer"/> in exactly one instance (ADR 0006): each instance keeps trying to take a
/// session-level advisory lock (<c>pg_try_advisory_lock</c>) on a dedicated, unpooled connection; the one that holds
/// it checks the queue every Audit:SealIntervalMilliseconds (one statement on that same connection, which also proves
/// the session and its lock are still there) and seals what has committed. If the holder stops or dies, its session
/// ends, the lock is released and another instance takes over within about a second. The others only retry the lock.
/// </summary>
public sealed class AuditSealerService(IServiceScopeFactory scopes, IOptions<AuditCheckpointOptions> options, ILogger<AuditSealerService> log)
    : BackgroundService
{
    /// <summary>The election ("TBSEALE1" in ASCII).</summary>
    public const long ElectionKey = 0x5442_5345_414C_4531;
    static readonly TimeSpan ElectionRetry = TimeSpan.FromSeconds(1);

    volatile bool leader;

    /// <summary>True while this instance holds the election lock and seals.</summary>
    public bool IsLeader => leader;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var interval = TimeSpan.FromMilliseconds(options.Value.SealIntervalMilliseconds);
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
            connectionString = new NpgsqlConnectionStringBuilder(
                scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>().Database.GetConnectionString())
            {
                // Closing must end the session (and so release the lock); a pooled connection would keep it.
                Pooling = false, ApplicationName = "TumorBoard audit sealer",
            }.ConnectionString;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var election = new NpgsqlConnection(connectionString);
                await election.OpenAsync(stoppingToken);
                await using (var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({ElectionKey})", election))
                    if (await take.ExecuteScalarAsync(stoppingToken) is not true)
                    {
                        await Task.Delay(ElectionRetry, stoppingToken);
                        continue;
                    }
                leader = true;
                log.LogInformation("This instance seals the audit chain.");
                await using var waiting = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM audit_pending)", election);
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (await waiting.ExecuteScalarAsync(stoppingToken) is true)
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(stoppingToken);
                    }
                    await Task.Delay(interval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e)
            {
                // The database away, or the session lost: leadership is given up and contested again.
                log.LogWarning(e, "Audit sealing paused; trying again.");
                leader = false;
                try { await Task.Delay(ElectionRetry, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
            finally { leader = false; }
        }
    }
}
