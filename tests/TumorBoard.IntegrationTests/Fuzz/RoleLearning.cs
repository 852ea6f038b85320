namespace TumorBoard.IntegrationTests.Fuzz;

/// <summary>
/// Which demo role may call which operation, learnt from the answers: a role refused with 403 is not drawn again for
/// that operation (outside the Identity class, which wants refusals), so most requests reach validation and the handler.
/// </summary>
public sealed class RoleLearning
{
    readonly HashSet<(string Operation, string Role)> refused = [];
    readonly HashSet<(string Operation, string Role)> admitted = [];

    /// <summary>Mostly a role already admitted to the operation; otherwise one not refused yet.</summary>
    public string Pick(FuzzOperation operation, int draw)
    {
        var known = FuzzWorld.Roles.Where(r => admitted.Contains((operation.Id, r))).ToArray();
        if (known.Length > 0 && draw % 10 < 8) return known[draw / 10 % known.Length];
        var untried = FuzzWorld.Roles.Where(r => !refused.Contains((operation.Id, r))).ToArray();
        if (untried.Length == 0) untried = FuzzWorld.Roles;
        return untried[draw % untried.Length];
    }

    /// <summary>A role known to be refused for the operation, or null when none is known yet.</summary>
    public string? Refused(FuzzOperation operation, int draw)
    {
        var known = FuzzWorld.Roles.Where(r => refused.Contains((operation.Id, r))).ToArray();
        return known.Length == 0 ? null : known[draw % known.Length];
    }

    public void Learn(FuzzRequest request, int status)
    {
        if (request.As is not { } role || request.Class == FuzzClass.Identity) return;
        if (status == 403) refused.Add((request.Operation.Id, role));
        // Past the role check for sure: it succeeded, or the handler itself refused (conflict, stale or missing version).
        else if (status is >= 200 and < 300 or 409 or 412 or 428) admitted.Add((request.Operation.Id, role));
    }

    public int Refusals => refused.Count;
}
