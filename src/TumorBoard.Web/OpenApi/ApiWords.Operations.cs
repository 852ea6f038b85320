namespace TumorBoard.Web.OpenApi;

public static partial class ApiWords
{
    /// <summary>
    /// The description of each operation by its operation id (an endpoint's own <c>WithDescription</c> wins).
    /// <c>OpenApiDocumentTests</c> fails for an operation with none, so a new endpoint is described when it is added.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Operations = new Dictionary<string, string>
    {
        // Auth
        ["IssueToken"] = "Exchanges an account's e-mail and password for a bearer token (`accessToken`, valid `expiresIn` seconds). A wrong password or an inactive account is 401 with one message for both; too many attempts per account or client address are 429 with `Retry-After`. The answer is never stored for `Idempotency-Key` replays.",
        // Patients
        ["FindPatients"] = "A page of patients by family name, given name and id. `text` searches the MRN (normalised as it is stored: case, spaces, look-alike letters) and the names. Coordinators, specialists and clinicians.",
        ["GetPatient"] = "One patient with its version as `ETag` (send it back as `If-Match` to change it).",
        ["RegisterPatient"] = "Registers a patient (coordinator), with the `language` they read (`de`, `fr`, `it`, `en`; left out: the board's, `Board:PatientLetter:DefaultLanguage`). The MRN is stored in its canonical form; one that matches a registered patient, also through look-alike characters, is 409 naming that patient.",
        ["UpdatePatient"] = "Corrects a patient's MRN, names, date of birth, sex or language (coordinator; `language` left out keeps it). Needs the patient's `ETag` as `If-Match`.",
        ["ImportPatient"] = "Registers a patient from the hospital's FHIR R4 record (coordinator): a `Patient`, or a `Bundle` with one `Patient` and at most one `Condition` (the primary tumour), as `application/fhir+json` (any other media type is 415). Parsed and validated against the base R4 specification; the MRN is the identifier with the system `Fhir:MrnSystem`, else the one typed `MR` (HL7 v2-0203); the name the official one, else the usual one; `birthDate` a full date; `gender` the sex (absent: unknown). A new patient is 201 with `Location`; an MRN that matches a registered patient once normalised is 200 with that patient, nothing written, and `differences` where the record says otherwise. Both answers carry `caseDraft`: the histology the Condition's code pre-fills (SNOMED CT, ICD-10, ICD-O-3; see docs/fhir-mapping.md) and its date of diagnosis. An invalid record is 400 with `errors.resource` and `issues` (`severity`, `location` as FHIRPath, `message`).",
        // Cases
        ["ListCases"] = "A page of cases, newest first within urgency, filtered by `status`, `urgency`, `histology` and `text` (the patient's MRN or names). Listing is not a read of each case; opening one is (audit trail).",
        ["GetCase"] = "One case with its patient, clinical details, what the board's minimum dataset still lacks (`missingForBoard`) and its version as `ETag`. Recorded in the audit trail as a read.",
        ["RegisterCase"] = "Registers a case (Draft) for a registered patient (coordinator): primary tumour and histology, lesions by vertebral level range (`C1`…`S5`) and compartment, neurology (ASIA/Frankel), ECOG or Karnofsky, extent of disease, prior radiotherapy of the levels, urgency and the clinical question for the board.",
        ["UpdateCase"] = "Changes a case's clinical details while it is not closed or withdrawn (coordinator). Needs the case's `ETag` as `If-Match`.",
        ["MarkCaseReady"] = "Marks a Draft case ReadyForBoard (coordinator) once the board's minimum dataset is complete; otherwise refused, naming what is missing. Needs `If-Match`.",
        ["WithdrawCase"] = "Withdraws a case with a reason (coordinator); it leaves every future agenda. Needs `If-Match`.",
        // Scores
        ["ComputeSins"] = "SINS, the Spinal Instability Neoplastic Score (0–18): location (junctional, mobile, semi-rigid, rigid spine), mechanical pain, bone lesion quality, radiographic alignment, vertebral body collapse and posterolateral involvement. 0–6 stable, 7–12 potentially unstable, 13–18 unstable; 7 or more warrants a surgical opinion. A missing component is reported, not guessed.",
        ["EvaluateEscc"] = "The Bilsky grade of epidural spinal cord compression (`0`, `1a`, `1b`, `1c`, `2`, `3`) on axial T2 MRI: 0–1b low grade (usually radiotherapy first), 2–3 high grade (cord deformed or compressed: consider decompression).",
        ["ComputeTokuhashi"] = "The revised Tokuhashi score (0–15) of expected survival from general condition (Karnofsky, or ECOG converted where safe), extraspinal bone and vertebral body metastases, visceral metastases, primary site and paralysis (Frankel): 0–8 under 6 months, 9–11 6 months or more, 12–15 a year or more.",
        ["ComputeTomita"] = "The Tomita score (2–10) from the primary tumour's growth, visceral and bone metastases, with its treatment goal: long-term local control, middle-term control, short-term palliation, or supportive care.",
        ["SuggestNoms"] = "The NOMS framework's suggestion (Neurologic, Oncologic, Mechanical, Systemic): from the ESCC grade, the tumour's radiosensitivity (looked up from the histology when not given), mechanical instability (SINS, gross instability) and fitness for surgery, the suggested order of radiotherapy (cEBRT or SBRT/SRS) and surgery. An aid to the board, not a decision; missing inputs are listed.",
        ["ConvertPerformanceStatus"] = "Converts between ECOG (0–5) and Karnofsky (0–100) performance status, saying where the conversion is approximate.",
        // Accounts
        ["ListAccounts"] = "A page of the accounts with their roles, discipline and whether they are active (administrator).",
        ["GetAccount"] = "One account (administrator), with its version as `ETag`.",
        ["CreateAccount"] = "Creates an account with a display name, e-mail, roles (Administrator alone, or clinical roles), the discipline of a specialist and an initial password that meets the password policy (administrator).",
        ["UpdateAccount"] = "Changes an account's name, roles or discipline (administrator), with a reason that the audit trail keeps with before and after. Nobody changes their own roles (403). Send the account's `ETag` as `If-Match` (412 when it is no longer current); unlike the clinical records it is not required (no 428), since account clients were written before accounts had versions.",
        ["DeactivateAccount"] = "Deactivates an account (administrator): its sign-in and every token stop working; its records keep their author.",
        ["ReactivateAccount"] = "Reactivates a deactivated account (administrator).",
        ["ResetPassword"] = "Sets a new password for another account (administrator); the password policy applies.",
        ["ChangeOwnPassword"] = "Changes the signed-in member's own password, given the current one; the password policy applies.",
        ["SetOwnLanguage"] = "Keeps the language of the signed-in member's pages on their account (`de-CH`, `fr-CH`, `it-CH` or `en`): every browser they sign in from opens in it. The API itself answers in the request's `Accept-Language` (problem titles and messages); its data stays in the invariant culture.",
        // Meetings
        ["ListMeetings"] = "A page of board meetings by start time: from `from` (default the start of today), past ones with `includePast`, filtered by `status`.",
        ["NextMeetingWithRoom"] = "The next planned meeting whose agenda has room before its cut-off, for scheduling a case; for an urgent case or a P1 emergency of the MSCC fast track (`triage=P1`) the earliest meeting with room, cut-off or not, so today's or tomorrow's meeting comes first.",
        ["GetMeeting"] = "One meeting with its agenda (order, status and minutes of each case), attendance, quorum and version as `ETag`.",
        ["GetBoardView"] = "The board view of one agenda item, used live in the meeting: the case summary, the latest submitted assessment of each discipline with every computed score, the NOMS suggestion, disagreements between the disciplines, what is missing (assessments, case data, stale imaging, quorum) and the previous and next case. When the case comes for the review of an emergency plan outside a meeting (its newest signed version, made outside this agenda item, is of kind `EmergencyPlan`), `emergencyPlan` names that version: its `decisionId` (`GET /api/v1/decisions/{decisionId}`, the page `/Decisions/{decisionId}`), `number`, status, outcome, plan steps and rationale, when it was signed and both signatures (discipline, name, time); otherwise it is null.",
        ["PlanMeeting"] = "Plans a meeting, or a weekly series (coordinator), in the board's time zone, with its capacity and agenda cut-off.",
        ["UpdateMeeting"] = "Changes a planned meeting (coordinator). Needs `If-Match`.",
        ["AddCaseToAgenda"] = "Adds a ReadyForBoard case to a meeting's agenda (coordinator); after the cut-off only with a late-addition reason, and never past the capacity. Needs the meeting's `If-Match`.",
        ["RemoveCaseFromAgenda"] = "Removes a case from an agenda with a reason (coordinator). Needs `If-Match`.",
        ["ReorderAgenda"] = "Puts the agenda in the given order of item ids (coordinator). Needs `If-Match`.",
        ["MoveAgendaItem"] = "Moves one agenda item up or down by an offset (coordinator). Needs `If-Match`.",
        ["SetAgendaMinutes"] = "Writes the minutes of one case's discussion. Needs `If-Match`.",
        ["RecordAttendance"] = "Records who is present, from which the meeting's quorum follows. Needs `If-Match`.",
        ["StartMeeting"] = "Starts a planned meeting. Needs `If-Match`.",
        ["CloseMeeting"] = "Closes a meeting in progress once every case on its agenda is discussed or deferred (chair or coordinator). Needs `If-Match`.",
        ["CancelMeeting"] = "Cancels a planned meeting with a reason (coordinator); its cases return to ReadyForBoard. Needs `If-Match`.",
        ["MarkAgendaItemDiscussed"] = "Marks a case on the agenda of a meeting in progress as discussed. Needs `If-Match`.",
        ["DeferAgendaItem"] = "Defers a case to a later meeting with a reason. Needs `If-Match`.",
        // Analytics
        ["GetQualityMetrics"] = "Every board quality measure of the period in one answer (coordinators, clinicians, specialists; not administrators): coverage, prospective discussion, attendance (per core discipline and per member), quorum per case (waivers apart), completeness at listing, deferral and \"more information needed\" with reasons, NOMS concordance with deviation reasons, implementation of plan steps (unknown apart), re-discussion, referral → decision and decision → treatment (median and 90th percentile), the share of MSCC fast-track clocks met (measure 10, by clock and triage), the report sent to the referrer within one working day (measure 11, from the recorded report dispatches), amendments, and the fast-track breaches by clock and coded reason (measure 13). Each measure states its `numerator`, `denominator`, `value` (null when the denominator is 0; for a duration the median), `definition` and `source`; plus the monthly series and time-to-decision bands behind the charts. Filters: `from`/`to` (board-local dates, inclusive, each between 1900-01-01 and five years ahead, `to` not before `from`, at most 3,700 days; default the last twelve months), `periodBy` (`MeetingDate` or `DecisionDate`), `histology`, `urgency`, `triage` (`P1`, `P2`, `Routine`), `referrer` (part of the name), `outcome`, `discipline`, `versions` (`Latest` or `All`). Computed by aggregates in the database, all from one snapshot; no case is opened. The same filter asked again within the same minute is answered from the previous count only when nothing has been committed to the database since.",
        ["ExportAnalytics"] = "CSV (RFC 4180, UTF-8, CRLF, invariant culture, instants ISO 8601 UTC) behind the measures, for the same filters: `kind` is required, `kind=decisions` one row per signed decision version, `kind=steps` one per plan step of a current decision with its latest follow-up, `kind=attendance` one per member present at a meeting held. Cases appear by a keyed pseudonym (HMAC-SHA256, not the MRN) unless `identified=true`, which only a coordinator may ask for (403 otherwise). Every export is written to the audit trail with its filters.",
        // Calendar
        ["GetMeetingCalendar"] = "One meeting as an iCalendar file (`text/calendar`), in the board's time zone.",
        ["GetMyCalendarFeed"] = "The signed-in member's upcoming meetings as an iCalendar feed (`text/calendar`).",
        // Worklists
        ["GetCoordinatorDashboard"] = "The coordinator's dashboard: what needs preparing for the coming meetings, Draft cases older than `Board:DraftAgeDays`, and overdue follow-ups.",
        ["GetSpecialistWorklist"] = "The signed-in specialist's worklist: the cases on coming agendas and the assessments of their discipline still to write or submit, the first 200 in meeting order; `total` and `overdueCount` stop counting at 1,000 (`totalIsCapped`, `overdueIsCapped`).",
        // Assessments
        ["ListAssessments"] = "The current assessment of each discipline for a case (draft, submitted or revised), with the computed scores.",
        ["GetAssessment"] = "The current assessment of one discipline (`medical-oncology`, `radiation-oncology`, `neurosurgery`) with its version as `ETag`. A read in the audit trail.",
        ["GetAssessmentVersion"] = "One earlier version of a discipline's assessment, as it was submitted.",
        ["GetAssessmentHistory"] = "Every version of a discipline's assessment with who wrote it, when, and the reason of each revision.",
        ["SaveNeurosurgeryDraft"] = "Saves the neurosurgery draft of a case (a neurosurgeon). The first `PUT` creates the draft; later ones need `If-Match`. SINS and NOMS are computed on the server.",
        ["SaveRadiationOncologyDraft"] = "Saves the radiation oncology draft (a radiation oncologist). The first `PUT` creates the draft; later ones need `If-Match`.",
        ["SaveMedicalOncologyDraft"] = "Saves the medical oncology draft (a medical oncologist); the scores are computed on the server. The first `PUT` creates the draft; later ones need `If-Match`.",
        ["SubmitAssessment"] = "Submits a discipline's draft for the board (its author's discipline). Submitted versions are never overwritten. Needs `If-Match`.",
        ["ReviseNeurosurgery"] = "Revises the submitted neurosurgery assessment with a reason: a new version, the old one kept. Needs `If-Match`.",
        ["ReviseRadiationOncology"] = "Revises the submitted radiation oncology assessment with a reason: a new version, the old one kept. Needs `If-Match`.",
        ["ReviseMedicalOncology"] = "Revises the submitted medical oncology assessment with a reason: a new version, the old one kept. Needs `If-Match`.",
        // Decisions
        ["RecordDecision"] = "Records the board's draft decision on a case in a running meeting with quorum, once the three disciplines have submitted or been waived (chair or coordinator): outcome, ordered plan steps with levels, dose and fractions, intent, rationale, concordance with the NOMS suggestion, the patient's preferences, the responsible clinician and the follow-up date.",
        ["WaiveAssessment"] = "Waives a discipline's assessment for a case on the agenda, with a reason (the meeting's chair).",
        ["ListAssessmentWaivers"] = "The waivers of an agenda item.",
        ["ListMeetingDecisions"] = "The decisions recorded in a meeting, with their status (draft, signed, superseded).",
        ["ListResponsibleClinicians"] = "The members who can be named responsible clinician of a decision.",
        ["GetDecision"] = "One decision version with its content, the members' positions, the signature (printed name, UTC time, content hash) and its version as `ETag`.",
        ["ReviseDecision"] = "Changes a draft decision (never a signed one: that is an amendment). Needs `If-Match`.",
        ["GetDecisionActions"] = "What the signed-in member may do with a decision now (position, sign, amend, follow up), and why not.",
        ["RecordPosition"] = "The signed-in attending member's position on a draft decision: agrees, disagrees (with the reason) or abstains. A retry replaces the member's own position.",
        ["RecordEmergencyPlan"] = "Records an emergency plan outside a meeting for a P1 case of the MSCC fast track (issue #14 part 1): a draft decision of kind `EmergencyPlan` with the same content and validation as a board decision, written by a specialist in neurosurgery or radiation oncology; 409 when the case's triage is not P1 or a draft exists. Both disciplines then sign it (`SignEmergencyPlan`).",
        ["SignEmergencyPlan"] = "One discipline's signature of an emergency plan, re-entering the password (400 on `password` when wrong): `discipline` Neurosurgery or RadiationOncology, the signer's own (403 otherwise); a second signature for the same discipline or by the same person is 409. With both signatures the plan is signed like a board decision: it supersedes the current signed version, stops the P1 plan clock and puts the case on the next meeting with room for review.",
        ["SignDecision"] = "Signs a draft decision as the meeting's chair, re-entering the password: the signature binds a SHA-256 of the content and positions, and the database refuses any change to the signed version. Needs `If-Match`.",
        ["AmendDecision"] = "Amends a signed decision with a reason: a new draft version to be signed again, the old one marked superseded when it is (chair of the deciding meeting, or of a meeting in progress with the case on its agenda).",
        ["RecordFollowUp"] = "Records what was actually done for a plan step of a signed decision (`Implemented`, `PartiallyImplemented`, `NotImplemented`, `Unknown`), when, and why a step deviated from the plan.",
        // Patient letters (pathways.md §4)
        ["GeneratePatientLetter"] = "Drafts the plain-language letter to the patient about a signed decision version, in the patient's `language` (`de`, `fr`, `it`, `en`): the plan steps in order in plain words, why (first the board's rationale, to be put into plain words before sending), what happens next and who calls by when, the warning signs of spinal cord compression with the board's 24-hour number, and that the team recommends and the patient and their doctor decide. No positions, dissent or scores. A coordinator or the decision's responsible clinician; while the letter is a draft, a second call stores a new version from the decision (keeping the edited why). 409 for a draft or superseded decision or a letter already sent.",
        ["ListPatientLetters"] = "The letters of this decision version and of the versions it amends, newest decision first, each with its `status` (`Draft`, `Sent`, `Superseded`) and stored versions. Coordinators, specialists and clinicians.",
        ["GetPatientLetter"] = "One letter as the patient reads it (`letter`), its current version or `version`, its readability score for its language, who sent it how and when, and every stored version; its version as `ETag`. Recorded in the audit trail as a read of the case.",
        ["EditPatientLetter"] = "Replaces the letter's why paragraph with the clinician's plain words: a new stored version (coordinator or responsible clinician). Needs the letter's `ETag` as `If-Match`; 409 once sent or when its decision was superseded.",
        ["MarkPatientLetterSent"] = "Records that the letter's current version reached the patient: `method` `Print`, `Post` or `HandedOver`, on `sentOn` (the board's day, today when left out), by the signed-in member. The letter is closed afterwards. Needs `If-Match`; 409 when its decision was superseded or it was sent already.",
        ["ListCaseDecisions"] = "Every decision version of a case, newest first.",
        // Decision history
        ["GetCaseHistory"] = "The case's timeline: registration, agenda listings, assessment versions, waivers, decision versions, positions, signatures, amendments and follow-ups, filtered by kind and date.",
        ["ExportCaseHistory"] = "The whole history of a case as one JSON document, for the record or another system; with `format=fhir` a FHIR R4 `collection` Bundle of every decision version and follow-up (`application/fhir+json`).",
        ["CompareDecisionVersions"] = "The differences between two versions of a case's decision, field by field and plan step by plan step.",
        // Follow-ups
        ["ListOverdueFollowUps"] = "Signed decisions whose follow-up date has passed with plan steps still open, oldest first (coordinator).",
        ["ListMyFollowUps"] = "The follow-ups of decisions where the signed-in member is the responsible clinician.",
        // Fast track (MSCC)
        ["GetFastTrack"] = "A case's MSCC fast track: the triage in force (`P1`, `P2`, `Routine`), how it was derived and why (`derivation`), the coordinator's raise, the pathway timestamps with who recorded them and every earlier recording, and the clocks (`Running`, `Met`, `Breached`, minutes left or overrun, breach reason). Recorded as a read of the case.",
        ["RaiseTriage"] = "Raises the case's triage above the class in force, with a reason (coordinator). Lowering, or the same class, is 400 on `triage`: the triage follows the findings and can only be raised. Audited; the clocks follow the new class at once.",
        ["RecordMsccTimestamp"] = "Records when a pathway moment happened (`SymptomOnset`, `FirstContact`, `MsccSuspected`, `MriWholeSpineDone`, `CoordinatorContacted`, `DexamethasoneStarted`), with who recorded it and when. Recording an event again corrects it and keeps the earlier recording. Not in the future; a closed or withdrawn case is 409.",
        ["ExplainBreach"] = "Gives the coded reason a breached clock missed its target (`PatientUnfit`, `ImagingCapacity`, `PatientDeclined`, `Transfer`, `Other` with `text`), coordinators and specialists. A clock that is not breached is 409.",
        ["GetFastTrackWorklist"] = "Open P1 and P2 cases with a clock running or breached without a reason: P1 first, then least time left (overdue first), each with its clocks and `needsBreachReason`. Paged by cursor like the other lists.",
        // FHIR
        ["ExportDecisionFhir"] = "One signed decision version as a FHIR R4 `document` Bundle (`application/fhir+json`): the Composition first (final, attested by the chair), the patient, the members, the primary tumour and the bone metastasis (SNOMED CT 94222008, one body site per level), ECOG/Karnofsky (LOINC 89247-1, 89243-0), SINS, ESCC, revised Tokuhashi and Tomita as Observations with their components, the plan as a CarePlan and the signature as Provenance with the SHA-256 content hash. A draft is 409. Who may read the decision may export it; recorded in the audit trail as a read.",
        ["GetDecisionReportPdf"] = "One decision version's printable report as a PDF for the referring physician (`application/pdf`, A4, PDF/A-2b identification, fonts embedded): letterhead, patient, question, clinical summary, scores with their categories, attendees, the decision with its ordered plan steps, positions and dissent, the signature manifestation with the SHA-256 content hash, the follow-up so far and, for an earlier version, the version that superseded it; the patient's name, MRN, date of birth and the version on every page. A draft is printed marked as not signed. Who may read the decision may download it; recorded in the audit trail as a read of the case. The page route `/Decisions/{id}/Report.pdf` serves the same file.",
        ["RecordReportDispatch"] = "Records that the report of a signed decision version went to the referrer (quality measure 11, `report-sent`): `channel` `Post`, `SecureEmail`, `Fax`, `ElectronicRecord` or `HandedOver`; `recipient` (the case's referring clinician when left out; 400 when the case names none); `sentAt` with its UTC offset (now when left out; not before the signature, not more than 5 minutes ahead); an optional `note`. Append-only: a wrong entry is followed by a corrected one. Coordinators and clinicians; 409 for a draft decision. Audited.",
        ["ListReportDispatches"] = "The recorded dispatches of a decision version's report to the referrer, in the order they left. Coordinators, specialists and clinicians.",
        ["GetReportDispatch"] = "One recorded dispatch of a decision report.",
        ["GetFhirCodeSystem"] = "The TumorBoard CodeSystem: the codes the FHIR exports use where LOINC and SNOMED CT have none (scores, their components and bands, plan steps, histology). No sign-in.",
        ["GetFhirStructureDefinition"] = "One of the extensions the FHIR exports use (`noms-concordance`, `noms-discordance-reason`, `signed-content-sha256`), as a StructureDefinition. No sign-in; an unknown name is 404.",
        // Audit
        ["ListAuditEntries"] = "A page of the audit trail (administrator): who read or changed which record, when, how (`operation`), with before and after; filtered by `operation` (`Read`, `Added`, `Modified`, `Deleted`), `entityType`, `entityId` and the acting member.",
        ["VerifyAuditTrail"] = "Verifies the audit trail's hash chain and its signed checkpoints (administrator): valid, or where it was broken.",
    };
}
