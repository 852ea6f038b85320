using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;

namespace TumorBoard.Domain.Cases;

/// <summary>
/// A spinal-metastasis case presented to the board. The status flow (foundation issue §4):
/// Draft -> ReadyForBoard -> Scheduled -> Discussed -> Decided -> Closed; Withdrawn (with a reason)
/// from any state before Decided. Every illegal move throws <see cref="DomainConflictException"/> saying why.
/// </summary>
public sealed class TumorBoardCase
{
    public const int ClinicalQuestionMaxLength = 2000;

    private TumorBoardCase() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public CaseStatus Status { get; private set; }
    public string? WithdrawalReason { get; private set; }

    public PrimaryHistology Histology { get; private set; }
    public string? HistologyOtherText { get; private set; }
    public DateOnly? DiagnosisDate { get; private set; }
    public List<SpinalLesion> Lesions { get; private set; } = [];
    public PainCharacter? Pain { get; private set; }
    public FrankelGrade? Frankel { get; private set; }
    public AsiaGrade? Asia { get; private set; }
    public bool? Myelopathy { get; private set; }
    public List<Mscc.MsccSymptom> MsccSymptoms { get; private set; } = [];
    public DateOnly? SymptomOnsetDate { get; private set; }
    public Urgency Urgency { get; private set; }
    public int? Ecog { get; private set; }
    public int? Karnofsky { get; private set; }
    public int? ExtraspinalBoneMetastases { get; private set; }
    public VisceralMetastases? VisceralMetastases { get; private set; }
    public bool? BrainMetastases { get; private set; }
    public List<PriorRadiotherapy> PriorRadiotherapy { get; private set; } = [];
    public string? CurrentSystemicTherapy { get; private set; }
    public string ClinicalQuestion { get; private set; } = "";
    public string? ReferringClinician { get; private set; }
    public string? PatientPreferences { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid UpdatedBy { get; private set; }

    /// <summary>PostgreSQL xmin row version (optimistic concurrency).</summary>
    public uint Version { get; private set; }

    public static TumorBoardCase Register(Guid patientId, CaseDetails details, Guid actor, DateTimeOffset now)
    {
        var c = new TumorBoardCase
        {
            Id = Guid.CreateVersion7(), PatientId = patientId, Status = CaseStatus.Draft,
            CreatedAt = now, CreatedBy = actor,
        };
        c.Apply(details, actor, now);
        return c;
    }

    public CaseDetails Details => new()
    {
        Histology = Histology, HistologyOtherText = HistologyOtherText, DiagnosisDate = DiagnosisDate,
        Lesions = Lesions, Pain = Pain, Frankel = Frankel, Asia = Asia, Myelopathy = Myelopathy, MsccSymptoms = MsccSymptoms,
        SymptomOnsetDate = SymptomOnsetDate, Urgency = Urgency, Ecog = Ecog, Karnofsky = Karnofsky,
        ExtraspinalBoneMetastases = ExtraspinalBoneMetastases, VisceralMetastases = VisceralMetastases,
        BrainMetastases = BrainMetastases, PriorRadiotherapy = PriorRadiotherapy,
        CurrentSystemicTherapy = CurrentSystemicTherapy, ClinicalQuestion = ClinicalQuestion,
        ReferringClinician = ReferringClinician, PatientPreferences = PatientPreferences,
    };

    public IReadOnlyList<string> MissingForBoard() => CaseReadiness.MissingItems(Details);

    /// <summary>Edits the case; refused once the board has decided (or the case is closed or withdrawn).</summary>
    public void Update(CaseDetails details, Guid actor, DateTimeOffset now)
    {
        if (CaseStatuses.IsClosed(Status))
            throw new DomainConflictException(Status == CaseStatus.Withdrawn
                ? new RuleText("Case.WithdrawnNoEdit")
                : new RuleText("Case.DecidedNoEdit", Status));
        Apply(details, actor, now);
        // A ready case that loses part of its minimum dataset goes back to Draft.
        if (Status == CaseStatus.ReadyForBoard && MissingForBoard().Count > 0)
            Status = CaseStatus.Draft;
    }

    public void MarkReady(Guid actor, DateTimeOffset now)
    {
        if (Status != CaseStatus.Draft)
            throw new DomainConflictException(new RuleText("Case.ReadyOnlyFromDraft", Status));
        var missing = MissingForBoard();
        if (missing.Count > 0)
            throw new DomainConflictException(new RuleText("Case.NotReady", string.Join("; ", missing)));
        Move(CaseStatus.ReadyForBoard, actor, now);
    }

    public void Schedule(Guid actor, DateTimeOffset now) => Require(CaseStatus.ReadyForBoard, CaseStatus.Scheduled, actor, now);

    /// <summary>Taken off an agenda (removed or deferred): back to ReadyForBoard.</summary>
    public void Unschedule(Guid actor, DateTimeOffset now) => Require(CaseStatus.Scheduled, CaseStatus.ReadyForBoard, actor, now);

    public void MarkDiscussed(Guid actor, DateTimeOffset now) => Require(CaseStatus.Scheduled, CaseStatus.Discussed, actor, now);

    public void MarkDecided(Guid actor, DateTimeOffset now)
    {
        if (Status is not (CaseStatus.Scheduled or CaseStatus.Discussed))
            throw new DomainConflictException(new RuleText("Case.DecideOnlyScheduled", Status));
        Move(CaseStatus.Decided, actor, now);
    }

    /// <summary>The board needs more information: the case goes back to ReadyForBoard to be discussed again.</summary>
    public void Relist(Guid actor, DateTimeOffset now)
    {
        if (Status is not (CaseStatus.Scheduled or CaseStatus.Discussed))
            throw new DomainConflictException(new RuleText("Case.RelistOnlyScheduled", Status));
        Move(CaseStatus.ReadyForBoard, actor, now);
    }

    public void Close(Guid actor, DateTimeOffset now) => Require(CaseStatus.Decided, CaseStatus.Closed, actor, now);

    public void Withdraw(string reason, Guid actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainConflictException(new RuleText("Case.WithdrawalReason"));
        if (CaseStatuses.IsClosed(Status))
            throw new DomainConflictException(new RuleText("Case.WithdrawOnlyUndecided", Status));
        WithdrawalReason = reason.Trim();
        Move(CaseStatus.Withdrawn, actor, now);
    }

    void Require(CaseStatus from, CaseStatus to, Guid actor, DateTimeOffset now)
    {
        if (Status != from)
            throw new DomainConflictException(new RuleText("Case.WrongStatus", Status, from, to));
        Move(to, actor, now);
    }

    void Move(CaseStatus to, Guid actor, DateTimeOffset now)
    {
        Status = to;
        UpdatedAt = now;
        UpdatedBy = actor;
    }

    void Apply(CaseDetails d, Guid actor, DateTimeOffset now)
    {
        if (d.Lesions.Any(l => l.LevelTo < l.LevelFrom))
            throw new DomainConflictException(new RuleText("Case.LesionLevels"));
        Histology = d.Histology;
        HistologyOtherText = d.Histology == PrimaryHistology.Other ? d.HistologyOtherText?.Trim() : null;
        DiagnosisDate = d.DiagnosisDate;
        Lesions = [.. d.Lesions];
        Pain = d.Pain; Frankel = d.Frankel; Asia = d.Asia; Myelopathy = d.Myelopathy;
        MsccSymptoms = [.. d.MsccSymptoms.Distinct().Order()];
        SymptomOnsetDate = d.SymptomOnsetDate; Urgency = d.Urgency;
        Ecog = d.Ecog; Karnofsky = d.Karnofsky;
        ExtraspinalBoneMetastases = d.ExtraspinalBoneMetastases; VisceralMetastases = d.VisceralMetastases;
        BrainMetastases = d.BrainMetastases;
        PriorRadiotherapy = [.. d.PriorRadiotherapy];
        CurrentSystemicTherapy = Blank(d.CurrentSystemicTherapy);
        ClinicalQuestion = d.ClinicalQuestion.Trim();
        ReferringClinician = Blank(d.ReferringClinician);
        PatientPreferences = Blank(d.PatientPreferences);
        UpdatedAt = now;
        UpdatedBy = actor;
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
