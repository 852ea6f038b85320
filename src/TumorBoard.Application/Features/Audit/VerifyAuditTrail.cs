using Mediator;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Audit;

/// <summary>Checks that no audit row has been altered, removed or inserted since it was written.</summary>
public static class VerifyAuditTrail
{
    [RequiresRole(Roles.Administrator)]
    public sealed record Query : IQuery<AuditVerification>;

    public sealed class Handler(AuditVerifier verifier) : IQueryHandler<Query, AuditVerification>
    {
        public async ValueTask<AuditVerification> Handle(Query query, CancellationToken ct) => await verifier.VerifyAsync(ct);
    }
}
