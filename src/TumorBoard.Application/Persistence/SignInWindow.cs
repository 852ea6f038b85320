namespace TumorBoard.Application.Persistence;

/// <summary>
/// How many sign-in attempts one account or one client address made in one fixed time window (SignInThrottle). Kept in
/// PostgreSQL so the limit holds across every instance of the app; the subject is a SHA-256, never the email or address
/// itself; rows of ended windows are purged.
/// </summary>
public sealed class SignInWindow
{
    /// <summary>"account:" or "address:" and the SHA-256 (hex) of the normalized email or of the address.</summary>
    public string Subject { get; init; } = "";
    public DateTimeOffset WindowStart { get; init; }
    public int Attempts { get; init; }
}
