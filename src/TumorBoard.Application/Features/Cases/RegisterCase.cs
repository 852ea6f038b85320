using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Cases;

public static class RegisterCase
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : CaseFields, ICommand<GetCase.Result>
    {
        public Guid PatientId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BoardClock clock)
        {
            RuleFor(c => c.PatientId).NotEmpty().WithText("ChoosePatient");
            Include(new CaseFieldsValidator(clock));
        }
    }

    /// <summary>The rule that needs the patient's date of birth (<see cref="CaseDatesAfterBirth"/>); runs with the one above.</summary>
    public sealed class DatesAfterBirthValidator : AbstractValidator<Command>
    {
        public DatesAfterBirthValidator(TumorBoardDbContext db) =>
            RuleFor(c => c).CustomAsync((c, context, ct) =>
                CaseDatesAfterBirth.CheckAsync(c, context, t => CaseDatesAfterBirth.OfPatientAsync(c.PatientId, db, t), ct));
    }

    /// <summary>
    /// Answers with the case as saved: what the answer needs besides the case (its patient, the author's name) is read
    /// before the save, so nothing can fail between the commit and the answer.
    /// </summary>
    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : ICommandHandler<Command, GetCase.Result>
    {
        public async ValueTask<GetCase.Result> Handle(Command command, CancellationToken ct)
        {
            var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.PatientId, ct)
                ?? throw NotFoundException.For("Patient", command.PatientId);
            var author = await db.Users.Where(u => u.Id == user.RequiredId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            // Registering beside an open case is allowed (a second, unrelated problem) but answered with a warning.
            var closed = CaseStatuses.Closed.ToList();
            var open = await db.Cases.AsNoTracking()
                .Where(c => c.PatientId == command.PatientId && !closed.Contains(c.Status))
                .OrderBy(c => c.CreatedAt)
                .Select(c => new GetCase.OpenCase(c.Id, c.Status, c.CreatedAt, c.ClinicalQuestion)).ToListAsync(ct);
            var tumorCase = TumorBoardCase.Register(command.PatientId, command.ToDetails(), user.RequiredId, clock.UtcNow);
            db.Cases.Add(tumorCase);
            await db.SaveChangesAsync(ct);
            // The save derived the case's fast-track track (MsccRefresh): answer with it, no second read.
            var track = db.MsccTracks.Local.FirstOrDefault(t => t.CaseId == tumorCase.Id);
            return GetCase.From(tumorCase, GetCase.Summary(patient), author, author) with
            {
                OtherOpenCases = open.Count > 0 ? open : null,
                Triage = track?.Triage ?? Domain.Mscc.TriageLevel.Routine,
                Clocks = FastTrack.ClockView.Of(track, clock.UtcNow),
            };
        }
    }
}
