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

        **Lists** are paged: `page` (1 to 10,000) and `pageSize` (1 to 100), or the `next`/`previous` cursor of a page as
        `cursor`.

        Enumerations are sent and answered as their member names (strings), listed with the clinic's words in each schema.
        """;

    public const string Bearer = """
        The token from `POST /api/v1/auth/token` (opaque; it expires after `expiresIn` seconds, then sign in again). The
        pages use the sign-in cookie `TumorBoard.Auth` instead; the API does not accept the cookie.
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
        if (!type.IsEnum || context.JsonPropertyInfo is not null) return;
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
        ["Worklists"] = "What needs doing: the coordinator's dashboard and the specialist's worklist of assessments to write.",
        ["Assessments"] = "One versioned assessment per discipline per case (medical oncology, radiation oncology, neurosurgery), never overwritten: a draft, submitted, then revised with a reason. The scores are computed on the server from the inputs.",
        ["Audit"] = "The audit trail, for administrators: who read or changed what and when, and the verification of its hash chain and signed checkpoints.",
        ["Decisions"] = "The board's joint decision on a case in a running meeting: outcome, ordered plan steps, intent and rationale, each attending member's position, the chair's signature, amendments (a new signed version) and follow-up per plan step.",
        ["Decision history"] = "One timeline per case of registration, listings, assessment versions, waivers, decision versions, positions, signatures, amendments and follow-ups; its JSON export and the comparison of two decision versions.",
        ["Follow-ups"] = "Signed decisions whose plan steps have no recorded outcome past their follow-up date, and those of the signed-in responsible clinician.",
    };
}
