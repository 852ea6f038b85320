using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Audit;

namespace TumorBoard.Application.Common.Audit;

/// <summary>
/// The single hook that turns tracked changes into audit rows, called by the DbContext just before it saves,
/// so the rows commit or roll back with the change; <see cref="AuditSealer"/> then seals them into the hash chain.
/// </summary>
public static class AuditTrail
{
    /// <summary>Values never copied into the audit trail.</summary>
    static readonly HashSet<string> Secret =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Version", "NormalizedEmail", "NormalizedUserName"];

    /// <summary>
    /// Derived rows: kept by the save that changes what they are derived from (the MSCC track, pathways.md §1), so their change
    /// is part of that write, not an audited write of its own. Their changes go into the audit row of the case they belong to,
    /// else of the first other row of the save, under the type's name; alone in a save (a raise of the triage) they are the
    /// write and get their own row.
    /// </summary>
    static readonly HashSet<Type> Derived = [typeof(Domain.Mscc.MsccTrack)];

    public static IReadOnlyList<AuditEntry> Collect(ChangeTracker tracker, ICurrentUser? user, string action, DateTimeOffset now)
    {
        List<(EntityEntry Entry, string Type, string Id, Dictionary<string, object?> Changes)> found = [];
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry or AuditSeal or DataProtectionKey) continue;
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;

            var changes = new Dictionary<string, object?>();
            foreach (var p in entry.Properties)
            {
                if (Secret.Contains(p.Metadata.Name)) continue;
                if (entry.State == EntityState.Added)
                    changes[p.Metadata.Name] = new { @new = p.CurrentValue };
                else if (entry.State == EntityState.Deleted)
                    changes[p.Metadata.Name] = new { old = p.OriginalValue };
                else if (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                    changes[p.Metadata.Name] = new { old = p.OriginalValue, @new = p.CurrentValue };
            }
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            found.Add((entry, entry.Metadata.ClrType.Name, KeyOf(entry), changes));
        }

        var own = found.Where(f => !Derived.Contains(f.Entry.Metadata.ClrType)).ToList();
        foreach (var derived in found.Where(f => Derived.Contains(f.Entry.Metadata.ClrType)))
        {
            if (own.Count == 0) { own.Add(derived); continue; }
            var into = own.FirstOrDefault(f => f.Type == "TumorBoardCase" && f.Id == derived.Id);
            (into.Entry is null ? own[0] : into).Changes[derived.Type] = derived.Changes;
        }

        return [.. own.Select(f => new AuditEntry
        {
            OccurredAt = now,
            ActorId = user?.Id,
            ActorName = user?.DisplayName,
            Action = action,
            EntityType = f.Type,
            EntityId = f.Id,
            Operation = f.Entry.State.ToString(),
            Changes = JsonSerializer.Serialize(f.Changes, Json),
        })];
    }

    static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
