using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Audit;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Patients;

namespace TumorBoard.Application.Persistence;

public sealed class TumorBoardDbContext(
    DbContextOptions<TumorBoardDbContext> options,
    AuditScope? auditScope = null,
    ICurrentUser? currentUser = null,
    TimeProvider? clock = null)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<TumorBoardCase> Cases => Set<TumorBoardCase>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<MeetingAttendee> MeetingAttendees => Set<MeetingAttendee>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentVersion> AssessmentVersions => Set<AssessmentVersion>();
    public DbSet<BoardDecision> Decisions => Set<BoardDecision>();
    public DbSet<DecisionPosition> DecisionPositions => Set<DecisionPosition>();
    public DbSet<DecisionFollowUp> DecisionFollowUps => Set<DecisionFollowUp>();
    public DbSet<AssessmentWaiver> AssessmentWaivers => Set<AssessmentWaiver>();
    public DbSet<DecisionFollowUpState> DecisionFollowUpStates => Set<DecisionFollowUpState>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();
    public DbSet<SignInWindow> SignInWindows => Set<SignInWindow>();
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    /// <summary>Audit rows no tracked change produces (reads of a case); the next save seals and writes them.</summary>
    readonly List<AuditEntry> queuedAudit = [];

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity names its tables explicitly ("AspNetUsers"); keep the schema snake_case throughout.
        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<AppRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(TumorBoardDbContext).Assembly);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var rows = CollectAudit();
        if (rows.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // The audit rows and the change commit together; the chain lock lives as long as this transaction.
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await AuditChain.SealAsync(Database, rows, cancellationToken);
            AuditEntries.AddRange(rows);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return saved;
        }
        catch
        {
            Forget(rows);
            throw;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var rows = CollectAudit();
        if (rows.Count == 0) return base.SaveChanges(acceptAllChangesOnSuccess);
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        try
        {
            AuditChain.Seal(Database, rows);
            AuditEntries.AddRange(rows);
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            own?.Commit();
            return saved;
        }
        catch
        {
            Forget(rows);
            throw;
        }
    }

    /// <summary>A failed save must not leave sealed rows behind to be saved again with a stale link.</summary>
    void Forget(IReadOnlyList<AuditEntry> rows)
    {
        foreach (var row in rows) Entry(row).State = EntityState.Detached;
    }

    /// <summary>
    /// Queues an audit row that no tracked change produces (<see cref="CaseReadLog"/>: someone read a case). The next
    /// SaveChanges seals it into the hash chain together with the rows of any tracked changes and writes it in the same
    /// transaction, exactly as a write's rows; if that save fails, the queued row is dropped with the others.
    /// </summary>
    internal void QueueAudit(AuditEntry row) => queuedAudit.Add(row);

    IReadOnlyList<AuditEntry> CollectAudit()
    {
        ChangeTracker.DetectChanges();
        var now = AuditHash.ToMicroseconds((clock ?? TimeProvider.System).GetUtcNow());
        var rows = AuditTrail.Collect(ChangeTracker, currentUser, auditScope?.Action ?? AuditScope.OutsideUseCase, now);
        if (queuedAudit.Count == 0) return rows;
        List<AuditEntry> all = [.. rows, .. queuedAudit];
        queuedAudit.Clear();
        return all;
    }
}
