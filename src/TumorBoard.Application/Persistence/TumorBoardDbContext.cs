using TumorBoard.Domain.PatientLetters;
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
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Patients;

namespace TumorBoard.Application.Persistence;

public sealed class TumorBoardDbContext(
    DbContextOptions<TumorBoardDbContext> options,
    AuditScope? auditScope = null,
    ICurrentUser? currentUser = null,
    TimeProvider? clock = null,
    AccountCheckCache? accountChecks = null,
    Microsoft.Extensions.Options.IOptions<Common.Models.BoardOptions>? board = null)
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
    public DbSet<EmergencySignature> EmergencySignatures => Set<EmergencySignature>();
    public DbSet<AssessmentWaiver> AssessmentWaivers => Set<AssessmentWaiver>();
    public DbSet<PatientLetter> PatientLetters => Set<PatientLetter>();
    public DbSet<PatientLetterVersion> PatientLetterVersions => Set<PatientLetterVersion>();
    public DbSet<ReportDispatch> ReportDispatches => Set<ReportDispatch>();
    public DbSet<DecisionFollowUpState> DecisionFollowUpStates => Set<DecisionFollowUpState>();
    public DbSet<MsccTrack> MsccTracks => Set<MsccTrack>();
    public DbSet<MsccTimestamp> MsccTimestamps => Set<MsccTimestamp>();
    public DbSet<MsccBreachExplanation> MsccBreachExplanations => Set<MsccBreachExplanation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    /// <summary>The hash chain over the audit rows; written only by <see cref="AuditSealer"/> (ADR 0006).</summary>
    public DbSet<AuditSeal> AuditSeals => Set<AuditSeal>();
    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();
    public DbSet<SignInWindow> SignInWindows => Set<SignInWindow>();
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    /// <summary>The current instant from the app's clock (the board's TimeProvider; FakeTimeProvider in tests).</summary>
    public DateTimeOffset UtcNow => (clock ?? TimeProvider.System).GetUtcNow();

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

    // The audit rows are inserted with the change, in the same statement batch and transaction, and commit or roll back
    // with it. No lock and no read of the chain's head: the sealer links committed rows into the chain afterwards.
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The MSCC triage and clocks follow what they are derived from, in this save (and so in its audit rows).
        ChangeTracker.DetectChanges();
        await Features.FastTrack.MsccRefresh.ApplyAsync(this, board?.Value.Zone ?? TimeZoneInfo.Utc, cancellationToken);
        var rows = CollectAudit();
        var accounts = ChangedAccounts();
        if (rows.Count > 0) AuditEntries.AddRange(rows);
        try { return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken); }
        catch
        {
            Forget(rows);
            throw;
        }
        finally { ForgetAccountChecks(accounts); }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        Features.FastTrack.MsccRefresh.ApplyAsync(this, board?.Value.Zone ?? TimeZoneInfo.Utc, CancellationToken.None).GetAwaiter().GetResult();
        var rows = CollectAudit();
        var accounts = ChangedAccounts();
        if (rows.Count > 0) AuditEntries.AddRange(rows);
        try { return base.SaveChanges(acceptAllChangesOnSuccess); }
        catch
        {
            Forget(rows);
            throw;
        }
        finally { ForgetAccountChecks(accounts); }
    }

    /// <summary>Accounts this save changes (active flag, stamp, anything): their cached account check must not outlive it.</summary>
    List<Guid> ChangedAccounts() => accountChecks is null ? [] : ChangeTracker.Entries<AppUser>()
        .Where(e => e.State is EntityState.Modified or EntityState.Deleted).Select(e => e.Entity.Id).ToList();

    void ForgetAccountChecks(List<Guid> accounts)
    {
        foreach (var id in accounts) accountChecks!.Forget(id);
    }

    /// <summary>A failed save must not leave its audit rows tracked, to be saved again beside the next save's own.</summary>
    void Forget(IReadOnlyList<AuditEntry> rows)
    {
        foreach (var row in rows) Entry(row).State = EntityState.Detached;
    }

    /// <summary>
    /// Queues an audit row that no tracked change produces (<see cref="CaseReadLog"/>: someone read a case). The next
    /// SaveChanges inserts it together with the rows of any tracked changes, in the same transaction, exactly as a write's
    /// rows; if that save fails, the queued row is dropped with the others.
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
