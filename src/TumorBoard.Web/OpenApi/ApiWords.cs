using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TumorBoard.Domain.Common;

namespace TumorBoard.Web.OpenApi;

/// <summary>The words of the OpenAPI document, for the clinical reader and the integrator (issue #12 item 4).</summary>
public static partial class ApiWords
{
    public const string Document = """
        The JSON API of TumorBoard, the case manager of an interdisciplinary spinal-metastasis tumor board: patients and
        cases, board meetings and their agendas, the three specialist assessments (medical oncology, radiation oncology,
        neurosurgery) with the published scores computed on the server, the board's signed joint decision, its amendments
        and follow-ups, and the audit trail.

        **Signing in.** `POST /api/v1/auth/token` with an account's e-mail and password answers a bearer token; send it as
        `Authorization: Bearer <token>` on every other operation. (The server-rendered pages use a sign-in cookie,
        `TumorBoard.Auth`; the API under `/api` does not accept it.) What a role may do is checked on every call: a role
        that may not is answered 403.

        **Errors** are RFC 9457 problem details (`application/problem+json`). Bad input is 400 with `errors`, keyed by the
        camelCase JSON path of the field (`lesions[0].imagingDate`), each with the messages for that field.

        **Versions.** Records that can change carry a strong `ETag` (their version). A change sends it back as `If-Match`:
        412 when it is no longer the current version, 428 when it was left out.

        **Retries.** Every `POST` and `PUT` of a signed-in user takes an optional `Idempotency-Key`: a retry with the same
        key and body gets the first answer again (`Idempotent-Replayed: true`) and writes nothing.

        **Lists** are paged: `pageSize` (1 to 100) and either `page` (1 to the page holding row 1,000: 40 at 25 a page) or
        the `next`/`previous` cursor of a page as `cursor`, which reaches any depth. Counts stop at 1,000
        (`totalIsCapped`). Each page also links its neighbours in an RFC 8288 `Link` header (`rel="next"`, `rel="prev"`).

        Enumerations are sent and answered as their member names (strings), listed with the clinic's words in each schema.

        Besides the answers each operation lists, any request can be refused by the host as too large (413 body, 414
        address, 431 headers), and an unexpected fault is 500 with a problem naming the request's trace id.
        """;

    public const string Bearer = """
        The token from `POST /api/v1/auth/token` (opaque; it expires after `expiresIn` seconds, then sign in again). The
        pages use the sign-in cookie `TumorBoard.Auth` instead; the API does not accept the cookie.
        """;

    public const string IfMatch = """
        The `ETag` of the record as last read (`"12345"`), or `*` for whatever version is current. A change of an existing
        record without it is 428 (the first draft of an assessment needs none); with a version that is no longer current,
        412 (reload, apply the change again).
        """;

    public const string IfMatchNotRequired = """
        The `ETag` of the record as last read (`"12345"`), or `*` for whatever version is current. Checked when sent (412
        when it is no longer current: reload, apply the change again) but not required here.
        """;

    public const string IdempotencyKey = """
        Optional, 1–255 printable ASCII characters (a UUID, say). A retry with the same key, method, path and body gets
        the first successful answer again with `Idempotent-Replayed: true` and writes nothing; the same key with another
        body is 422, and while the first request still runs 409 with `Retry-After`. Keys are per user and kept 24 hours.
        """;

    /// <summary>What each answer means, the same on every operation (the problem's <c>detail</c> says it for the case at hand).</summary>
    public static readonly IReadOnlyDictionary<string, string> Statuses = new Dictionary<string, string>
    {
        ["201"] = "Created: the new record as saved, with its address in `Location`.",
        ["204"] = "Done; nothing to answer.",
        ["400"] = "The request is invalid: `errors` names each field by its camelCase JSON path (`lesions[0].imagingDate`), or the header or query parameter that cannot be read.",
        ["401"] = "Not signed in: no bearer token, or it expired or its account was deactivated.",
        ["403"] = "Signed in, but this role or member may not do this (`detail` says why).",
        ["404"] = "No such record (or not one this list or operation knows).",
        ["409"] = "Conflicts with the record's state or another record (a clinical rule, a unique value, a change at the same moment), or a request with this `Idempotency-Key` is still running (`Retry-After`).",
        ["412"] = "The `If-Match` version is no longer the current one: someone changed the record since you read it. Reload it and apply the change again.",
        ["415"] = "The body is not JSON in UTF-8 (`Content-Type: application/json`).",
        ["422"] = "This `Idempotency-Key` was used for another request (another body or path).",
        ["428"] = "This change needs the record's version: send its `ETag` as `If-Match`.",
        ["429"] = "Too many sign-in attempts for this account or from this address: wait `Retry-After` seconds.",
        ["503"] = "The database cannot be reached right now: nothing was written; try again shortly (`Retry-After`).",
    };

    /// <summary>What an answer means where one operation's differs from <see cref="Statuses"/>.</summary>
    public static readonly IReadOnlyDictionary<(string OperationId, string Status), string> OperationStatuses = new Dictionary<(string, string), string>
    {
        [("ImportPatient", "200")] = "The record's MRN is a registered patient's (once normalised): that patient as stored, nothing changed, and `differences` where the record says otherwise.",
        [("ImportPatient", "201")] = "Registered: the new patient, with its address in `Location` and its version as `ETag`.",
        [("ImportPatient", "400")] = "The FHIR record is invalid or cannot be imported: `errors.resource` holds the messages (the body is one FHIR resource, not fields of ours), and `issues` each one as FHIR's OperationOutcome would (`severity`, `location` as a FHIRPath such as `Patient.birthDate`, `message`).",
        [("ImportPatient", "415")] = "The body is not FHIR JSON in UTF-8 (`Content-Type: application/fhir+json`).",
    };

    public const string ValidationProblem = """
        RFC 9457 problem details of a request that was refused as invalid (400): nothing was written. `errors` maps each
        field, by its camelCase JSON path as sent (`clinicalQuestion`, `lesions[0].levelFrom`, or a header or query
        parameter name such as `If-Match` or `cursor`), to the messages for it.
        """;

    public const string Problem = """
        RFC 9457 problem details (`application/problem+json`): `status`, a short `title`, and a `detail` in the clinic's
        words saying what happened and what to do.
        """;

    /// <summary>Summary of an operation without one of its own: its operation id in words ("MarkCaseReady" → "Mark case ready").</summary>
    public static string Summary(string operationId) => DisplayWords.Of(operationId);

    public static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (string.IsNullOrWhiteSpace(operation.Summary) && operation.OperationId is { } id)
            operation.Summary = Summary(id);
        if (string.IsNullOrWhiteSpace(operation.Description) && operation.OperationId is { } known
            && Operations.TryGetValue(known, out var description))
            operation.Description = description;
    }

    /// <summary>Enumerations list their members with the clinic's words (DisplayWords, the one labeller).</summary>
    public static void Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is null && type == typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))
            schema.Description = ValidationProblem;
        else if (context.JsonPropertyInfo is null && type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))
            schema.Description = Problem;
        // ApiProblemDetailsWriter adds the trace id to every problem: the schema says so, or strict clients and the examples
        // (which carry one) disagree with the document.
        if (context.JsonPropertyInfo is null
            && (type == typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails) || type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails)))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["traceId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "W3C trace id of the request (or the server's request id): quote it when reporting a problem; the server's log carries the same id.",
            };
        }
        // A property left out when null or default (JsonIgnore WhenWritingNull / WhenWritingDefault) is not required, whatever
        // the record's constructor says: a strict client would otherwise refuse the answers that omit it.
        if (context.JsonPropertyInfo is null && schema.Required is { Count: > 0 } required)
            foreach (var property in context.JsonTypeInfo.Properties)
                if (property.AttributeProvider?.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), true)
                        .OfType<System.Text.Json.Serialization.JsonIgnoreAttribute>()
                        .Any(a => a.Condition is System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull
                            or System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault) == true)
                    required.Remove(property.Name);
        // The component is made from the first property that uses the enumeration, so this runs with a property too.
        if (!type.IsEnum) return;
        // Member names as strings. The component is made from the first property that uses it, so one from a nullable property
        // would list null as a member; a property says itself that it may be null (oneOf null or the enumeration).
        schema.Type = JsonSchemaType.String;
        if (schema.Enum is { } members)
            foreach (var none in members.Where(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.Null).ToList())
                members.Remove(none);
        var words = new StringBuilder("One of: ");
        words.AppendJoin("; ", Enum.GetValues(type).Cast<Enum>().Select(v => $"`{v}` ({Label(v)})"));
        words.Append('.');
        schema.Description = words.ToString();
    }

    static string Label(Enum value) => DisplayWords.Of(value);

    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Auth"] = "Sign in: exchange an account's e-mail and password for a bearer token. Limited per account and per client address (429 with `Retry-After`).",
        ["Patients"] = "Patients by medical record number (MRN, kept in one canonical form: look-alike characters, spaces and case do not make a second patient), name, date of birth and sex. Coordinators register and correct them.",
        ["Cases"] = "A spinal-metastasis case of a patient for the board: primary tumour and histology, lesions by vertebral level range and compartment, neurology, performance status, extent of disease, prior radiotherapy and the clinical question. Status flow Draft → ReadyForBoard → Scheduled → Discussed → Decided → Closed, or Withdrawn with a reason.",
        ["Scores"] = "Stateless calculators of the published scores (nothing is stored): SINS (Spinal Instability Neoplastic Score), Bilsky ESCC grade, revised Tokuhashi, Tomita, ECOG ↔ Karnofsky, and the NOMS framework's suggestion.",
        ["Accounts"] = "Accounts of the board's members, for administrators: roles, discipline, deactivation and password resets. A change of roles or discipline needs a reason and is audited.",
        ["Meetings"] = "Board meetings: planning (single or weekly), the agenda with capacity, cut-off and late additions, order and minutes per case, attendance and quorum, starting and closing; the board view of one agenda item used live in the meeting.",
        ["Calendar"] = "iCalendar (`.ics`) files of a meeting and a member's own meetings, in the board's time zone.",
        ["Worklists"] = "What needs doing: the coordinator's dashboard, the specialist's worklist of assessments to write, and the MSCC fast-track worklist of cases whose pathway clocks need attention.",
        ["Assessments"] = "One versioned assessment per discipline per case (medical oncology, radiation oncology, neurosurgery), never overwritten: a draft, submitted, then revised with a reason. The scores are computed on the server from the inputs.",
        ["Audit"] = "The audit trail, for administrators: who read or changed what and when, and the verification of its hash chain and signed checkpoints.",
        ["Decisions"] = "The board's joint decision on a case in a running meeting: outcome, ordered plan steps, intent and rationale, each attending member's position, the chair's signature, amendments (a new signed version) and follow-up per plan step.",
        ["Decision history"] = "One timeline per case of registration, listings, assessment versions, waivers, decision versions, positions, signatures, amendments and follow-ups; its JSON export and the comparison of two decision versions.",
        ["Patient letters"] = "The plain-language letter to the patient about a signed decision version, in the patient's language: drafted, its why edited, printed or sent, each a stored version bound to the decision's signed hash; a letter of a superseded decision says so and cannot be sent.",
        ["Fast track"] = "The MSCC fast track (metastatic spinal cord compression): triage P1 (neurology), P2 (pain suggesting metastases, SINS ≥ 13, ESCC 2–3) or Routine, derived from the case and its latest submitted neurosurgery assessment and raised (never lowered) by the coordinator; the pathway timestamps; the clocks with the NICE targets (MRI and plan within 24 h for P1, a week for P2; radiotherapy within 24 h of a decision for radiotherapy without surgery) and the coded reasons of breaches.",
        ["Follow-ups"] = "Signed decisions whose plan steps have no recorded outcome past their follow-up date, and those of the signed-in responsible clinician.",
        ["Analytics"] = "The board's quality measures (numerator / denominator, as docs/domain/pathways.md §2 defines them) for a period and filters, and their CSV export with pseudonymised cases.",
        ["FHIR"] = "HL7 FHIR R4 (`application/fhir+json`): a signed decision version as a `document` Bundle (Composition, Patient, Practitioners, Conditions, score Observations, a CarePlan shaped as the MII Tumorkonferenz profile, Provenance with the signature), and the CodeSystem and extensions the exports name by canonical URL, readable without sign-in. The whole case history as a `collection` Bundle is `GET /api/v1/cases/{caseId}/history/export?format=fhir`.",
    };
}
