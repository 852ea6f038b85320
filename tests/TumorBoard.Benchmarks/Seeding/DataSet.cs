using Microsoft.AspNetCore.Identity;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Benchmarks.Seeding;

/// <summary>
/// A board network's history built through the domain's own aggregates and rules, as the use cases would have built it
/// over the years: patients and cases registered and marked ready, weekly board meetings planned, cases put on their
/// agendas, the three assessments drafted, submitted and sometimes revised, attendance, the joint decision recorded,
/// positioned, signed (sometimes amended) and followed up. Ratios follow issue #11's network: per 100,023 cases about
/// 12,990 meetings, 526,000 assessment versions and 53,000 signed decisions.
/// </summary>
public sealed class DataSet
{
    public const string Password = "Bench-Board-2026!";
    public const string Domain = "bench.tumorboard";
    const double PerCase = 1.0 / 100_023;

    public List<AppRole> Roles { get; } = [];
    public List<AppUser> Users { get; } = [];
    public List<IdentityUserRole<Guid>> UserRoles { get; } = [];
    public List<Patient> Patients { get; } = [];
    public List<TumorBoardCase> Cases { get; } = [];
    public List<Meeting> Meetings { get; } = [];
    public List<Assessment> Assessments { get; } = [];
    public List<BoardDecision> Decisions { get; } = [];
    public AuditRows Audit { get; } = new();

    readonly Random rng;
    readonly DateTimeOffset now;
    readonly RadiosensitivityTable table = RadiosensitivityTable.Default;
    readonly List<BoardMember> coordinators = [], neurosurgeons = [], radiationOncologists = [], medicalOncologists = [], clinicians = [];
    BoardMember admin = null!;

    DataSet(int seed, DateTimeOffset now)
    {
        rng = new Random(seed);
        this.now = now;
    }

    public static string Email(string role, int n) => $"{role}{n}@{Domain}";

    public static DataSet Build(int cases, int seed = 11)
    {
        // Whole seconds: every stored timestamp survives PostgreSQL's microseconds unchanged (signature and audit hashes).
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var set = new DataSet(seed, now);
        set.BuildAccounts();
        set.BuildHistory(cases, seed);
        return set;
    }

    /// <summary>A part of the history built on its own thread (past meetings are independent of each other).</summary>
    DataSet Part(int seed)
    {
        var part = new DataSet(seed, now);
        part.coordinators.AddRange(coordinators); part.neurosurgeons.AddRange(neurosurgeons);
        part.radiationOncologists.AddRange(radiationOncologists); part.medicalOncologists.AddRange(medicalOncologists);
        part.clinicians.AddRange(clinicians); part.admin = admin;
        return part;
    }

    void Merge(DataSet part)
    {
        Patients.AddRange(part.Patients); Cases.AddRange(part.Cases); Meetings.AddRange(part.Meetings);
        Assessments.AddRange(part.Assessments); Decisions.AddRange(part.Decisions); Audit.AddRange(part.Audit);
    }

    void BuildAccounts()
    {
        foreach (var role in TumorBoard.Domain.Security.Roles.All) Roles.Add(new AppRole(role));
        var hasher = new PasswordHasher<AppUser>();
        string? hash = null;
        BoardMember Account(string key, int n, string name, string role, Discipline? discipline, List<BoardMember>? into)
        {
            var email = Email(key, n);
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = name, Discipline = discipline,
                CreatedAt = now.AddYears(-6), SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
            };
            // One PBKDF2 hash for all: Identity verifies it per account all the same, and hashing 100 times costs seconds.
            user.PasswordHash = hash ??= hasher.HashPassword(user, Password);
            Users.Add(user);
            UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = Roles.Single(r => r.Name == role).Id });
            var member = new BoardMember(user.Id, name, discipline);
            into?.Add(member);
            Audit.Added(user.CreatedAt, user.Id, name, "CreateAccount", nameof(AppUser), user.Id.ToString(),
                AuditRows.New(("Email", email), ("DisplayName", name), ("Discipline", discipline)));
            return member;
        }
        var r = TumorBoard.Domain.Security.Roles.Coordinator;
        for (var i = 1; i <= 6; i++) Account("coordinator", i, $"Coordinator {i}", r, null, coordinators);
        for (var i = 1; i <= 12; i++) Account("neurosurg", i, $"Dr. Neurosurgeon {i}", TumorBoard.Domain.Security.Roles.Specialist, Discipline.Neurosurgery, neurosurgeons);
        for (var i = 1; i <= 12; i++) Account("radonc", i, $"Dr. Radiation Oncologist {i}", TumorBoard.Domain.Security.Roles.Specialist, Discipline.RadiationOncology, radiationOncologists);
        for (var i = 1; i <= 12; i++) Account("medonc", i, $"Dr. Medical Oncologist {i}", TumorBoard.Domain.Security.Roles.Specialist, Discipline.MedicalOncology, medicalOncologists);
        for (var i = 1; i <= 30; i++) Account("clinician", i, $"Dr. Clinician {i}", TumorBoard.Domain.Security.Roles.Clinician, null, clinicians);
        admin = Account("admin", 1, "Administrator 1", TumorBoard.Domain.Security.Roles.Administrator, null, null);
    }

    enum Fate { Decided, Closed, ScheduledCurrent, ScheduledFuture, Ready, Draft, Withdrawn }

    void BuildHistory(int caseCount, int seed)
    {
        var meetingCount = Math.Max(6, (int)Math.Round(12_990.0 * caseCount * PerCase));
        var future = Math.Max(2, meetingCount / 20);
        var past = meetingCount - future - 1;
        var decidedTarget = (int)Math.Round(53_259.0 * caseCount * PerCase * 0.98);   // ~2% of them amended once more

        var fates = new Fate[caseCount];
        for (var i = 0; i < caseCount; i++)
            fates[i] = i < decidedTarget ? (i % 10 == 0 ? Fate.Closed : Fate.Decided)
                : i < decidedTarget + Math.Min(12, caseCount / 50) ? Fate.ScheduledCurrent
                : Pick(i);
        Shuffle(fates);

        var span = TimeSpan.FromDays(5 * 365);
        var pastMeetings = Enumerable.Range(0, past).Select(k => now - span + span * ((double)k / past)).Select(Round).ToList();
        var futureMeetings = Enumerable.Range(1, future).Select(k => Round(now.AddDays(3 + 60.0 * k / future))).ToList();

        var decided = fates.Select((f, i) => (f, i)).Where(x => x.f is Fate.Decided or Fate.Closed).Select(x => x.i).ToList();
        var buckets = Enumerable.Range(0, past).Select(_ => new List<int>()).ToList();
        for (var j = 0; j < decided.Count; j++) buckets[j % past].Add(decided[j]);
        var pastPlan = pastMeetings.Select((t, k) => (Start: t, Cases: buckets[k])).ToList();

        var current = Plan(Round(now.AddMinutes(-30)), "current");
        var futureList = futureMeetings.Select(t => Plan(t, "future")).ToList();

        var workers = Math.Max(1, Environment.ProcessorCount);
        var parts = Enumerable.Range(0, workers).Select(w => Part(seed * 100 + w)).ToArray();
        Parallel.For(0, workers, w => parts[w].BuildPast(pastPlan.Where((_, k) => k % workers == w).ToList(), fates));
        foreach (var part in parts) Merge(part);
        BuildRest(caseCount, fates, current, futureList);
    }

    void BuildPast(List<(DateTimeOffset Start, List<int> Cases)> pastPlan, Fate[] fates)
    {
        foreach (var (start, caseIndexes) in pastPlan)
        {
            var meeting = Plan(start, "past");
            var listed = caseIndexes.Select(i => (i, c: Register(i, start.AddDays(-rng.Next(7, 28))))).ToList();
            foreach (var (_, c) in listed) Ready(c);
            var items = listed.Select(x => Add(meeting, x.c, start.AddDays(-2))).ToList();
            var board = Board(meeting);
            var assessments = listed.Select(x => Assess(x.c, start.AddDays(-rng.Next(1, 6)), submit: true)).ToList();
            Attend(meeting, board, start.AddMinutes(-5));
            Start(meeting, start);
            for (var k = 0; k < listed.Count; k++)
                Decide(meeting, items[k], listed[k].c, assessments[k], board, start.AddMinutes(10 + 8 * k), fates[listed[k].i] == Fate.Closed);
            Close(meeting, start.AddMinutes(15 + 8 * listed.Count));
        }
    }

    void BuildRest(int caseCount, Fate[] fates, Meeting current, List<Meeting> futureList)
    {
        for (var i = 0; i < caseCount; i++)
        {
            switch (fates[i])
            {
                case Fate.ScheduledCurrent:
                {
                    var c = Register(i, now.AddDays(-rng.Next(3, 20)));
                    Ready(c);
                    Add(current, c, current.SubmissionCutoff.AddHours(-6));
                    Assess(c, now.AddDays(-1), submit: true);
                    break;
                }
                case Fate.ScheduledFuture:
                {
                    var meeting = futureList.FirstOrDefault(m => m.AgendaCount < m.Capacity);
                    var c = Register(i, now.AddDays(-rng.Next(1, 20)));
                    Ready(c);
                    if (meeting is not null) Add(meeting, c, now.AddHours(-rng.Next(1, 48)));
                    Assess(c, now.AddHours(-rng.Next(1, 24)), submit: rng.Next(2) == 0);
                    break;
                }
                case Fate.Ready:
                {
                    var c = Register(i, now.AddDays(-rng.Next(1, 30)));
                    Ready(c);
                    if (rng.Next(2) == 0) Assess(c, now.AddHours(-rng.Next(1, 48)), submit: false, only: 1);
                    break;
                }
                case Fate.Draft:
                    Register(i, now.AddDays(-rng.Next(1, 40)));
                    break;
                case Fate.Withdrawn:
                {
                    var c = Register(i, now.AddDays(-rng.Next(10, 400)));
                    c.Withdraw("Patient chose treatment at another centre.", coordinators[0].Id, c.CreatedAt.AddDays(3));
                    AuditCase(c, "WithdrawCase", c.UpdatedAt);
                    break;
                }
            }
        }
        var currentBoard = Board(current);
        Attend(current, currentBoard, current.StartsAt.AddMinutes(-5));
        Start(current, current.StartsAt);
    }

    static DateTimeOffset Round(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds() / 60 * 60);

    Fate Pick(int i) => (i * 7919 % 100) switch
    {
        < 18 => Fate.ScheduledFuture,
        < 55 => Fate.Ready,
        < 88 => Fate.Draft,
        _ => Fate.Withdrawn,
    };

    void Shuffle<T>(T[] a)
    {
        for (var i = a.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
    }

    BoardMember Coordinator => coordinators[rng.Next(coordinators.Count)];

    Meeting Plan(DateTimeOffset start, string kind)
    {
        var chair = neurosurgeons[rng.Next(neurosurgeons.Count)];
        var by = Coordinator;
        var planned = start.AddDays(-rng.Next(14, 40));
        var m = Meeting.Plan(new MeetingPlan($"Spine tumor board {start:yyyy-MM-dd}", start, 90, $"Room {rng.Next(1, 9)}.{rng.Next(10, 20)}",
            null, chair.Id, 20, null), null, by.Id, planned);
        Meetings.Add(m);
        Audit.Added(planned, by.Id, by.Name, "PlanMeeting", nameof(Meeting), m.Id.ToString(),
            AuditRows.New(("Title", m.Title), ("StartsAt", m.StartsAt), ("ChairId", m.ChairId), ("Status", m.Status), ("Kind", kind)));
        return m;
    }

    TumorBoardCase Register(int i, DateTimeOffset at)
    {
        var by = Coordinator;
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        var patient = Patient.Register($"BM-{i + 1:D7}", ClinicalTemplates.FamilyNames[i % ClinicalTemplates.FamilyNames.Length],
            ClinicalTemplates.GivenNames[i / 7 % ClinicalTemplates.GivenNames.Length], today.AddYears(-rng.Next(35, 90)).AddDays(-rng.Next(365)),
            ClinicalTemplates.SexOf(i), by.Id, at.AddMinutes(-5), today);
        Patients.Add(patient);
        Audit.Added(patient.CreatedAt, by.Id, by.Name, "RegisterPatient", nameof(Patient), patient.Id.ToString(),
            AuditRows.New(("Mrn", patient.Mrn), ("FamilyName", patient.FamilyName), ("GivenName", patient.GivenName)));
        var c = TumorBoardCase.Register(patient.Id, ClinicalTemplates.Case(rng, today, today), by.Id, at);
        Cases.Add(c);
        Audit.Added(at, by.Id, by.Name, "RegisterCase", nameof(TumorBoardCase), c.Id.ToString(),
            AuditRows.New(("PatientId", c.PatientId), ("Status", c.Status), ("Histology", c.Histology), ("Urgency", c.Urgency),
                ("ClinicalQuestion", c.ClinicalQuestion)));
        return c;
    }

    void AuditCase(TumorBoardCase c, string action, DateTimeOffset at)
    {
        var by = coordinators[0];
        Audit.Added(at, by.Id, by.Name, action, nameof(TumorBoardCase), c.Id.ToString(), AuditRows.New(("Status", c.Status)));
    }

    void Ready(TumorBoardCase c)
    {
        c.MarkReady(c.CreatedBy, c.CreatedAt.AddHours(2));
        AuditCase(c, "MarkCaseReady", c.UpdatedAt);
    }

    AgendaItem Add(Meeting m, TumorBoardCase c, DateTimeOffset at)
    {
        var by = Coordinator;
        var item = m.AddCase(c, null, by.Id, at);
        Audit.Added(at, by.Id, by.Name, "AddCaseToAgenda", nameof(AgendaItem), item.Id.ToString(),
            AuditRows.New(("MeetingId", m.Id), ("CaseId", c.Id), ("Position", item.Position)));
        return item;
    }

    (BoardMember Chair, BoardMember Neuro, BoardMember Rad, BoardMember Med) Board(Meeting m)
    {
        var chair = neurosurgeons.Single(n => n.Id == m.ChairId);
        return (chair, chair, radiationOncologists[rng.Next(radiationOncologists.Count)], medicalOncologists[rng.Next(medicalOncologists.Count)]);
    }

    void Attend(Meeting m, (BoardMember Chair, BoardMember Neuro, BoardMember Rad, BoardMember Med) b, DateTimeOffset at)
    {
        var by = Coordinator;
        m.RecordAttendance([(b.Neuro.Id, b.Neuro.Discipline), (b.Rad.Id, b.Rad.Discipline), (b.Med.Id, b.Med.Discipline)], by.Id, at);
        foreach (var a in m.Attendees)
            Audit.Added(at, by.Id, by.Name, "RecordAttendance", nameof(MeetingAttendee), $"{a.MeetingId},{a.UserId}", AuditRows.New(("UserId", a.UserId)));
    }

    void Start(Meeting m, DateTimeOffset at)
    {
        m.Start(m.ChairId, at);
        Audit.Added(at, m.ChairId, "chair", "StartMeeting", nameof(Meeting), m.Id.ToString(), AuditRows.New(("Status", m.Status)));
    }

    void Close(Meeting m, DateTimeOffset at)
    {
        m.Close(m.ChairId, at);
        Audit.Added(at, m.ChairId, "chair", "CloseMeeting", nameof(Meeting), m.Id.ToString(), AuditRows.New(("Status", m.Status)));
    }

    /// <summary>The case's assessments: a first draft, sometimes a second, the submission, sometimes a revision.</summary>
    List<Assessment> Assess(TumorBoardCase c, DateTimeOffset at, bool submit, int only = 3)
    {
        var context = AssessmentContext.For(c, table);
        var lesion = c.Lesions[0];
        var epidural = lesion.Compartments.Contains(Compartment.Epidural);
        var authors = new (BoardMember Who, Func<int, AssessmentContent> Content)[]
        {
            (neurosurgeons[rng.Next(neurosurgeons.Count)], v => ClinicalTemplates.Neurosurgery(lesion.LevelFrom, epidural, v)),
            (radiationOncologists[rng.Next(radiationOncologists.Count)], v => ClinicalTemplates.RadiationOncology(lesion.LevelFrom, epidural, v)),
            (medicalOncologists[rng.Next(medicalOncologists.Count)], v => ClinicalTemplates.MedicalOncology(c.Histology, v)),
        };
        // Neurosurgery first when only one is written, so the draft-save benchmark finds neurosurgery drafts.
        List<Assessment> written = [];
        foreach (var (who, content) in authors.Take(only))
        {
            var by = new AssessmentAuthor(who.Id, who.Name, who.Discipline);
            var t = at.AddMinutes(-rng.Next(60, 600));
            var a = Assessment.StartDraft(c.Id, content(0), context, by, t);
            if (rng.Next(2) == 0) a.SaveDraft(content(1), context, by, t = t.AddMinutes(rng.Next(5, 120)));
            if (submit)
            {
                a.Submit(context, by, t = t.AddMinutes(rng.Next(5, 60)));
                if (rng.Next(10) < 3) a.Revise(content(2), "New imaging reviewed.", context, by, t.AddMinutes(rng.Next(5, 60)));
            }
            foreach (var v in a.Versions)
                Audit.Added(v.CreatedAt, who.Id, who.Name, v.Kind == AssessmentVersionKind.Draft ? "SaveAssessmentDraft" : v.Kind + "Assessment",
                    nameof(AssessmentVersion), v.Id.ToString(), AuditRows.New(("AssessmentId", a.Id), ("Number", v.Number), ("Kind", v.Kind)));
            Assessments.Add(a);
            written.Add(a);
        }
        return written;
    }

    void Decide(Meeting m, AgendaItem item, TumorBoardCase c, List<Assessment> assessments,
        (BoardMember Chair, BoardMember Neuro, BoardMember Rad, BoardMember Med) b, DateTimeOffset at, bool close)
    {
        var by = Coordinator;
        var noms = AssessmentReads.BoardNoms(assessments, AssessmentContext.For(c, table));
        var lesion = c.Lesions[0];
        var epidural = lesion.Compartments.Contains(Compartment.Epidural);
        var responsible = clinicians[rng.Next(clinicians.Count)];
        var followUp = DateOnly.FromDateTime(at.UtcDateTime).AddDays(rng.Next(21, 120));
        var decision = BoardDecision.Record(new DecisionTarget(c.Id, m.Id, item.Id), 1,
            ClinicalTemplates.Decision(lesion.LevelFrom, epidural, responsible.Id, followUp),
            new DecisionInputs(responsible.Name, DecisionJson.Serialize(noms), []), by, at);
        Audit.Added(at, by.Id, by.Name, "RecordDecision", nameof(BoardDecision), decision.Id.ToString(),
            AuditRows.New(("CaseId", c.Id), ("Number", decision.Number), ("Outcome", decision.Outcome), ("Status", decision.Status)));
        Positions(decision, b, at.AddMinutes(2));
        decision.Sign(b.Chair, at.AddMinutes(4));
        Audit.Added(at.AddMinutes(4), b.Chair.Id, b.Chair.Name, "SignDecision", nameof(BoardDecision), decision.Id.ToString(),
            AuditRows.New(("Status", decision.Status), ("SignedHash", decision.SignedHash)));
        m.RecordDecision(item.Id, c, relist: false, b.Chair.Id, at.AddMinutes(4));
        AuditCase(c, "SignDecision", at.AddMinutes(4));
        foreach (var a in assessments) a.Lock(at.AddMinutes(4));
        Decisions.Add(decision);

        var current = decision;
        if (rng.Next(50) == 0)
        {
            var amendment = decision.StartAmendment(2, "The patient's new imaging changes the plan.", b.Chair, at.AddDays(2));
            Positions(amendment, b, at.AddDays(2).AddMinutes(5));
            amendment.Sign(b.Chair, at.AddDays(2).AddMinutes(10));
            decision.SupersedeBy(amendment, at.AddDays(2).AddMinutes(10));
            Audit.Added(at.AddDays(2).AddMinutes(10), b.Chair.Id, b.Chair.Name, "AmendDecision", nameof(BoardDecision), amendment.Id.ToString(),
                AuditRows.New(("AmendsId", decision.Id), ("Status", amendment.Status)));
            Decisions.Add(amendment);
            current = amendment;
        }

        var due = current.FollowUpDate!.Value;
        var steps = current.Content.Plan.Count;
        if (due < DateOnly.FromDateTime(now.UtcDateTime))
        {
            var author = new BoardMember(responsible.Id, responsible.Name, null);
            var recordedAt = new DateTimeOffset(due.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(rng.Next(0, 30)).AddHours(9);
            if (recordedAt > now) recordedAt = now.AddHours(-1);
            for (var step = 1; step <= steps; step++)
            {
                if (rng.Next(100) < 15) continue;   // some steps stay open: the overdue list
                var followUp2 = current.RecordFollowUp(step, rng.Next(10) == 0 ? FollowUpStatus.PartiallyImplemented : FollowUpStatus.Implemented,
                    null, null, null, author, recordedAt);
                Audit.Added(recordedAt, author.Id, author.Name, "RecordFollowUp", nameof(DecisionFollowUp), followUp2.Id.ToString(),
                    AuditRows.New(("DecisionId", current.Id), ("StepNumber", step), ("Status", followUp2.Status)));
            }
        }
        if (close)
        {
            c.Close(by.Id, at.AddDays(30) < now ? at.AddDays(30) : at.AddMinutes(30));
            AuditCase(c, "CloseCase", c.UpdatedAt);
        }
    }

    void Positions(BoardDecision d, (BoardMember Chair, BoardMember Neuro, BoardMember Rad, BoardMember Med) b, DateTimeOffset at)
    {
        foreach (var (member, k) in new[] { b.Neuro, b.Rad, b.Med }.Select((x, k) => (x, k)))
        {
            var disagree = rng.Next(12) == 0;
            var p = d.RecordPosition(member, disagree ? PositionKind.Disagree : PositionKind.Agree,
                disagree ? "I would offer radiotherapy alone and keep surgery for progression." : null, at.AddSeconds(20 * k));
            Audit.Added(at.AddSeconds(20 * k), member.Id, member.Name, "RecordPosition", nameof(DecisionPosition), p.Id.ToString(),
                AuditRows.New(("DecisionId", d.Id), ("Kind", p.Kind)));
        }
    }
}
