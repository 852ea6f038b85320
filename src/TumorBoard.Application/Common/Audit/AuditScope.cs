namespace TumorBoard.Application.Common.Audit;

/// <summary>Per-request audit context: the use case being run (set by AuditBehavior).</summary>
public sealed class AuditScope
{
    /// <summary>Writes outside any use case (Identity's own bookkeeping, seeding) are named by this.</summary>
    public const string OutsideUseCase = "System";

    public string Action { get; set; } = OutsideUseCase;

    /// <summary>"TumorBoard.Application.Features.Cases.RegisterCase+Command" -> "RegisterCase".</summary>
    public static string NameOf(Type messageType) =>
        messageType.DeclaringType?.Name ?? messageType.Name;
}
