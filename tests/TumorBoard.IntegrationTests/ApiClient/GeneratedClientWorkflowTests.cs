using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using TumorBoard.IntegrationTests.ApiClient.Generated;
using TumorBoard.IntegrationTests.ApiClient.Generated.Models;
using TumorBoard.IntegrationTests.Assessments;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.ApiClient;

/// <summary>
/// The whole board workflow through the client Kiota generated from the served document (<c>ApiClient/Generated</c>),
/// against the app on a real Kestrel port: what an EHR or a registry script does. Nothing here sends HTTP by hand; the
/// clinical contents are the other tests' data, read into the generated models by the client's own JSON parser.
/// </summary>
public sealed class GeneratedClientWorkflowTests : IAsyncLifetime
{
    TumorBoardApp app = null!;
    string baseUrl = "";
    readonly List<HttpClient> clients = [];

    public async Task InitializeAsync()
    {
        app = new TumorBoardApp(await TestPostgres.CreateDatabaseAsync());
        baseUrl = app.StartOnKestrel();
    }

    public async Task DisposeAsync()
    {
        foreach (var client in clients) client.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_case_goes_from_registration_through_a_signed_amended_decision_to_its_history()
    {
        // Sign in: one bearer token per member of the board, from the token endpoint.
        var coordinator = await SignInAsync(AppFixture.Coordinator);
        var neurosurgeon = await SignInAsync(AppFixture.Neurosurgeon);   // chairs the meeting
        var radOnc = await SignInAsync(AppFixture.RadOnc);
        var medOnc = await SignInAsync(AppFixture.MedOnc);
        var clinician = await SignInAsync(AppFixture.Clinician);
        var admin = await SignInAsync(AppFixture.Admin);
        var accounts = (await admin.Api.V1.Accounts.GetAsync(r => r.QueryParameters.PageSize = 100))!.Items!
            .ToDictionary(a => a.Email!, a => a.Id!.Value);

        // Register a patient and a case; GET -> edit -> PUT with If-Match, the body as GET answered it; mark it ready.
        var patient = (await coordinator.Api.V1.Patients.PostAsync(new RegisterPatientCommand
        {
            Mrn = "GEN-4711", FamilyName = "Muster", GivenName = "Erika", DateOfBirth = new Date(1961, 5, 12), Sex = Sex.Female,
        }))!;
        var registered = (await coordinator.Api.V1.Cases.PostAsync(await ModelAsync(TestData.Case(patient.Id!.Value), RegisterCaseCommand.CreateFromDiscriminatorValue)))!;
        var caseId = registered.Id!.Value;
        var read = (await coordinator.Api.V1.Cases[caseId].GetAsync())!;
        var edit = await ModelAsync(read, CaseBody.CreateFromDiscriminatorValue);
        edit.Details!.Karnofsky = 60;
        var edited = (await coordinator.Api.V1.Cases[caseId].PutAsync(edit, r => IfMatch(r, read.Version)))!;
        edited.Details!.Karnofsky.ShouldBe(60);
        var ready = (await coordinator.Api.V1.Cases[caseId].Ready.PostAsync(r => IfMatch(r, edited.Version)))!;
        ready.Status.ShouldBe(CaseStatus.ReadyForBoard);

        // Plan a meeting chaired by the neurosurgeon and put the case on its agenda.
        var planned = (await coordinator.Api.V1.Meetings.PostAsync(new PlanMeetingCommand
        {
            Title = "Spine tumor board", StartsAt = DateTimeOffset.UtcNow.AddDays(3), DurationMinutes = 90, Location = "Room 4.12",
            ChairId = accounts[AppFixture.Neurosurgeon], Capacity = 5,
        }))!;
        var meetingId = planned.MeetingIds![0]!.Value;
        var meeting = (await coordinator.Api.V1.Meetings[meetingId].GetAsync())!;
        meeting = (await coordinator.Api.V1.Meetings[meetingId].Agenda.PostAsync(new MeetingAddCaseBody { CaseId = caseId },
            r => IfMatch(r, meeting.Version)))!;
        var itemId = meeting.Agenda!.Single().Id!.Value;

        // The three assessments, each saved as a draft and submitted by its discipline.
        var ns = (await neurosurgeon.Api.V1.Cases[caseId].Assessments.Neurosurgery.Draft.PutAsync(
            await ModelAsync(AssessmentTestData.Neurosurgery(), NeurosurgeryContent.CreateFromDiscriminatorValue)))!;
        (await neurosurgeon.Api.V1.Cases[caseId].Assessments["neurosurgery"].Submit.PostAsync(r => IfMatch(r, ns.Version)))!
            .Status.ShouldBe(AssessmentStatus.Submitted);
        var ro = (await radOnc.Api.V1.Cases[caseId].Assessments.RadiationOncology.Draft.PutAsync(
            await ModelAsync(AssessmentTestData.RadiationOncology(), RadiationOncologyContent.CreateFromDiscriminatorValue)))!;
        (await radOnc.Api.V1.Cases[caseId].Assessments["radiation-oncology"].Submit.PostAsync(r => IfMatch(r, ro.Version)))!
            .Status.ShouldBe(AssessmentStatus.Submitted);
        var mo = (await medOnc.Api.V1.Cases[caseId].Assessments.MedicalOncology.Draft.PutAsync(
            await ModelAsync(AssessmentTestData.MedicalOncology(), MedicalOncologyContent.CreateFromDiscriminatorValue)))!;
        (await medOnc.Api.V1.Cases[caseId].Assessments["medical-oncology"].Submit.PostAsync(r => IfMatch(r, mo.Version)))!
            .Status.ShouldBe(AssessmentStatus.Submitted);

        // Attendance (the three disciplines: quorum), then the meeting starts.
        meeting = (await coordinator.Api.V1.Meetings[meetingId].GetAsync())!;
        meeting = (await coordinator.Api.V1.Meetings[meetingId].Attendance.PutAsync(new MeetingAttendanceBody
        {
            PresentUserIds = [accounts[AppFixture.Neurosurgeon], accounts[AppFixture.RadOnc], accounts[AppFixture.MedOnc]],
        }, r => IfMatch(r, meeting.Version)))!;
        meeting.HasQuorum.ShouldBe(true);
        meeting = (await coordinator.Api.V1.Meetings[meetingId].Start.PostAsync(r => IfMatch(r, meeting.Version)))!;
        meeting.Status.ShouldBe(MeetingStatus.InProgress);

        // The decision: recorded, positions with one dissent, signed by the chair.
        var content = await ModelAsync(await DecisionContentAsync(), DecisionContent.CreateFromDiscriminatorValue);
        content.ResponsibleClinicianId = (await coordinator.Api.V1.ResponsibleClinicians.GetAsync())!
            .Single(c => c.Id == accounts[AppFixture.Clinician]).Id;
        var decision = (await coordinator.Api.V1.Meetings[meetingId].Agenda[itemId].Decision.PostAsync(new DecisionContentBody { Content = content }))!;
        var decisionId = decision.Id!.Value;
        await neurosurgeon.Api.V1.Decisions[decisionId].Position.PutAsync(new DecisionPositionBody { Kind = PositionKind.Agree });
        await medOnc.Api.V1.Decisions[decisionId].Position.PutAsync(new DecisionPositionBody { Kind = PositionKind.Agree });
        decision = (await radOnc.Api.V1.Decisions[decisionId].Position.PutAsync(new DecisionPositionBody
            { Kind = PositionKind.Disagree, Text = "I would give SBRT alone." }))!;
        decision.HasDissent.ShouldBe(true);
        var signed = (await neurosurgeon.Api.V1.Decisions[decisionId].Sign.PostAsync(new DecisionSignBody { Password = AppFixture.Password },
            r => IfMatch(r, decision.Version)))!;
        signed.Status.ShouldBe(DecisionStatus.Signed);
        signed.Signature!.Intact.ShouldBe(true);

        // An amendment (another dose), signed again; the first version is superseded.
        var amended = await ModelAsync(signed.Content!, DecisionContent.CreateFromDiscriminatorValue);
        amended.Plan![1].DoseGy = 24;
        amended.Plan[1].Fractions = 2;
        var amendment = (await coordinator.Api.V1.Decisions[decisionId].Amendments.PostAsync(new DecisionAmendBody
            { Reason = "Dose corrected after planning", Content = amended }))!;
        var amendmentId = amendment.Id!.Value;
        amendment = (await neurosurgeon.Api.V1.Decisions[amendmentId].Sign.PostAsync(new DecisionSignBody { Password = AppFixture.Password },
            r => IfMatch(r, amendment.Version)))!;
        amendment.Status.ShouldBe(DecisionStatus.Signed);
        (await clinician.Api.V1.Decisions[decisionId].GetAsync())!.Status.ShouldBe(DecisionStatus.Superseded);

        // The responsible clinician records what was done for the first step.
        var followedUp = (await clinician.Api.V1.Decisions[amendmentId].FollowUps.PostAsync(new DecisionFollowUpBody
            { StepNumber = 1, Status = FollowUpStatus.Implemented, Note = "Operated on day 3." }))!;
        followedUp.FollowUp![0].Current!.Status.ShouldBe(FollowUpStatus.Implemented);

        // The history tells it all, in order.
        var history = (await clinician.Api.V1.Cases[caseId].History.GetAsync())!;
        history.Select(e => e.Kind).ShouldBe(
        [
            HistoryEventKind.CaseRegistered, HistoryEventKind.CaseEdited, HistoryEventKind.CaseStatusChanged, HistoryEventKind.Scheduled,
            HistoryEventKind.AssessmentVersion, HistoryEventKind.AssessmentVersion, HistoryEventKind.AssessmentVersion,
            HistoryEventKind.AssessmentVersion, HistoryEventKind.AssessmentVersion, HistoryEventKind.AssessmentVersion,
            HistoryEventKind.DecisionDrafted, HistoryEventKind.PositionTaken, HistoryEventKind.PositionTaken, HistoryEventKind.PositionTaken,
            HistoryEventKind.DecisionSigned, HistoryEventKind.DecisionAmended, HistoryEventKind.DecisionSigned,
            HistoryEventKind.DecisionSuperseded, HistoryEventKind.FollowUpRecorded,
        ], ignoreOrder: false);
        history.ShouldContain(e => e.Kind == HistoryEventKind.PositionTaken && e.Position == PositionKind.Disagree
            && e.Text == "I would give SBRT alone.");
    }

    [Fact]
    public async Task A_P1_case_gets_an_emergency_plan_signed_by_both_disciplines_its_report_dispatched_and_reviewed_at_the_next_board()
    {
        var coordinator = await SignInAsync(AppFixture.Coordinator);
        var neurosurgeon = await SignInAsync(AppFixture.Neurosurgeon);
        var radOnc = await SignInAsync(AppFixture.RadOnc);
        var clinician = await SignInAsync(AppFixture.Clinician);
        var admin = await SignInAsync(AppFixture.Admin);
        var accounts = (await admin.Api.V1.Accounts.GetAsync(r => r.QueryParameters.PageSize = 100))!.Items!
            .ToDictionary(a => a.Email!, a => a.Id!.Value);

        // The next board, then a case whose neurology (Frankel D with myelopathy) makes it P1, ready for the board.
        var planned = (await coordinator.Api.V1.Meetings.PostAsync(new PlanMeetingCommand
        {
            Title = "Spine tumor board", StartsAt = DateTimeOffset.UtcNow.AddDays(2), DurationMinutes = 90, Location = "Room 4.12",
            ChairId = accounts[AppFixture.Neurosurgeon], Capacity = 5,
        }))!;
        var meetingId = planned.MeetingIds![0]!.Value;
        var patient = (await coordinator.Api.V1.Patients.PostAsync(new RegisterPatientCommand
        {
            Mrn = "GEN-4712", FamilyName = "Keller", GivenName = "Hans", DateOfBirth = new Date(1954, 3, 2), Sex = Sex.Male,
        }))!;
        var registered = (await coordinator.Api.V1.Cases.PostAsync(await ModelAsync(TestData.Case(patient.Id!.Value), RegisterCaseCommand.CreateFromDiscriminatorValue)))!;
        var caseId = registered.Id!.Value;
        registered.Triage.ShouldBe(TriageLevel.P1);
        (await coordinator.Api.V1.Cases[caseId].Ready.PostAsync(r => IfMatch(r, registered.Version)))!.Status.ShouldBe(CaseStatus.ReadyForBoard);

        // The neurosurgeon writes the emergency plan outside a meeting.
        var content = await ModelAsync(await DecisionContentAsync(), DecisionContent.CreateFromDiscriminatorValue);
        content.ResponsibleClinicianId = (await neurosurgeon.Api.V1.ResponsibleClinicians.GetAsync())!
            .Single(c => c.Id == accounts[AppFixture.Neurosurgeon]).Id;
        var draft = (await neurosurgeon.Api.V1.Cases[caseId].EmergencyPlans.PostAsync(new DecisionContentBody { Content = content }))!;
        draft.Kind.ShouldBe(DecisionKind.EmergencyPlan);
        draft.Status.ShouldBe(DecisionStatus.Draft);
        draft.MeetingId.ShouldBeNull();
        draft.EmergencySignatures.ShouldBeEmpty();
        var planId = draft.Id!.Value;

        // Both disciplines sign with their password re-entered: after the first it is still a draft, after the second signed.
        var half = (await neurosurgeon.Api.V1.Decisions[planId].EmergencySignatures.PostAsync(new DecisionEmergencySignatureBody
            { Discipline = Discipline.Neurosurgery, Password = AppFixture.Password }))!;
        half.Status.ShouldBe(DecisionStatus.Draft);
        half.EmergencySignatures!.Single().Discipline.ShouldBe(Discipline.Neurosurgery);
        var signed = (await radOnc.Api.V1.Decisions[planId].EmergencySignatures.PostAsync(new DecisionEmergencySignatureBody
            { Discipline = Discipline.RadiationOncology, Password = AppFixture.Password }))!;
        signed.Kind.ShouldBe(DecisionKind.EmergencyPlan);
        signed.Status.ShouldBe(DecisionStatus.Signed);
        signed.Signature!.Intact.ShouldBe(true);
        signed.EmergencySignatures!.Select(x => x.Discipline).ShouldBe([Discipline.Neurosurgery, Discipline.RadiationOncology]);
        signed.EmergencySignatures!.ShouldAllBe(x => x.OnEarlierDraft == false && !string.IsNullOrEmpty(x.PrintedName));

        // The report goes to the referrer: recorded, listed and read back through the generated client.
        var dispatch = (await coordinator.Api.V1.Decisions[planId].ReportDispatches.PostAsync(new ReportDispatchBody
            { Channel = ReportChannel.SecureEmail, Recipient = "Dr. med. Sophie Marti", Note = "Sent at night with the MRI report." }))!;
        dispatch.Channel.ShouldBe(ReportChannel.SecureEmail);
        dispatch.DecisionId.ShouldBe(planId);
        dispatch.DecisionNumber.ShouldBe(1);
        dispatch.DecisionHash.ShouldBe(signed.Signature.ContentHash);   // the signed hash: content and both signatures
        dispatch.Recipient.ShouldBe("Dr. med. Sophie Marti");
        dispatch.Note.ShouldBe("Sent at night with the MRI report.");
        dispatch.SentAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(signed.Signature.SignedAt!.Value);
        var dispatches = (await clinician.Api.V1.Decisions[planId].ReportDispatches.GetAsync())!;
        dispatches.ShouldHaveSingleItem().Id.ShouldBe(dispatch.Id);
        var read = (await neurosurgeon.Api.V1.Decisions[planId].ReportDispatches[dispatch.Id!.Value].GetAsync())!;
        read.Channel.ShouldBe(ReportChannel.SecureEmail);
        read.RecordedByName.ShouldBe(dispatch.RecordedByName);

        // The case is on the next board for review, and the board view of its item names the plan.
        var item = (await coordinator.Api.V1.Meetings[meetingId].GetAsync())!.Agenda!.ShouldHaveSingleItem();
        item.CaseId.ShouldBe(caseId);
        var board = (await clinician.Api.V1.Meetings[meetingId].Agenda[item.Id!.Value].Board.GetAsync())!;
        var review = board.EmergencyPlan.ShouldNotBeNull();
        review.DecisionId.ShouldBe(planId);
        review.Number.ShouldBe(1);
        review.Status.ShouldBe(DecisionStatus.Signed);
        review.SignedAt.ShouldBe(signed.Signature.SignedAt);
        review.Signatures!.Select(x => (x.Discipline, x.Name)).ShouldBe(signed.EmergencySignatures!.Select(x => (x.Discipline, x.PrintedName)));
    }

    /// <summary>A generated client signed in as <paramref name="email"/> through the generated token endpoint.</summary>
    async Task<TumorBoardClient> SignInAsync(string email)
    {
        var token = (await Client(null).Api.V1.Auth.Token.PostAsync(new AuthTokenRequest { Email = email, Password = AppFixture.Password }))!;
        token.TokenType.ShouldBe("Bearer");
        return Client(token.AccessToken);
    }

    TumorBoardClient Client(string? token)
    {
        var http = KiotaClientFactory.Create();
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        clients.Add(http);
        return new TumorBoardClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl });
    }

    /// <summary>If-Match from the version the body carries (the same value as the ETag of the answer).</summary>
    static void IfMatch<T>(RequestConfiguration<T> request, object? version) where T : class, new() =>
        request.Headers.Add("If-Match", $"\"{Version(version)}\"");

    /// <summary>The generated client reads <c>version</c> as a plain integer (the document types it <c>integer</c>, not
    /// <c>integer | string</c>, which Kiota made an untyped node).</summary>
    static string Version(object? version) => version switch
    {
        int or long or uint => ((IFormattable)version).ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ShouldAssertException($"The answer's version is not an integer ({version?.GetType().Name ?? "null"})."),
    };

    /// <summary>
    /// A generated model read from JSON by the client's own parser: <paramref name="source"/> is either another generated
    /// model (the GET answer that a PUT sends back) or the other tests' data as the API's JSON.
    /// </summary>
    static async Task<T> ModelAsync<T>(object source, ParsableFactory<T> factory) where T : IParsable
    {
        var json = source is IParsable parsable
            ? await KiotaJsonSerializer.SerializeAsStringAsync(parsable, serializeOnlyChangedValues: false)
            : JsonSerializer.Serialize(source, source.GetType(), Api.Json);
        return await KiotaJsonSerializer.DeserializeAsync(json, factory) ?? throw new ShouldAssertException($"No {typeof(T).Name} in {json}");
    }

    /// <summary>Separation surgery then SBRT (the decision tests' content); the clinician is set from the API's list.</summary>
    static Task<object> DecisionContentAsync() => Task.FromResult<object>(new Domain.Decisions.DecisionContent
    {
        Outcome = Domain.Decisions.DecisionOutcome.TreatmentRecommendation,
        Plan =
        [
            new Domain.Decisions.PlanStep { Kind = Domain.Decisions.PlanStepKind.SeparationSurgery, TargetLevels = [Domain.Clinical.SpinalLevel.T5],
                Timing = Domain.Decisions.StepTiming.Urgent },
            new Domain.Decisions.PlanStep { Kind = Domain.Decisions.PlanStepKind.SbrtSrs, TargetLevels = [Domain.Clinical.SpinalLevel.T5], DoseGy = 27m,
                Fractions = 3, Timing = Domain.Decisions.StepTiming.AfterPreviousStep },
        ],
        Intent = Domain.Decisions.TreatmentIntent.LocalControl,
        Rationale = "High-grade ESCC in a radioresistant primary: separation surgery then SBRT.",
        NomsConcordance = Domain.Decisions.NomsConcordance.Concordant,
        PatientPreferences = "Wishes to keep walking; accepts surgery.",
        FollowUpDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
    });
}
