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

    public static IReadOnlyList<AuditEntry> Collect(ChangeTracker tracker, ICurrentUser? user, string action, DateTimeOffset now)
    {
        List<AuditEntry> rows = [];
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

            rows.Add(new AuditEntry
            {
                OccurredAt = now,
                ActorId = user?.Id,
                ActorName = user?.DisplayName,
                Action = action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Operation = entry.State.ToString(),
                Changes = JsonSerializer.Serialize(changes, Json),
            });
        }
        return rows;
    }

    static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
