namespace TumorBoard.Application.Common.Security;

/// <summary>
/// Re-authentication for an electronic signature (DH-7, REG-11): the signer re-enters their password. A wrong password
/// counts towards the account's lockout like a failed sign-in. Call it before changing anything else in the unit of work:
/// a failed attempt is saved at once.
/// </summary>
public interface ISignatureCheck
{
    Task<bool> PasswordMatchesAsync(Guid userId, string password, CancellationToken ct);
}
