using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;

using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Behaviors;
using TumorBoard.Application.Common.Idempotency;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Persistence;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Web.Api;
using TumorBoard.Web.Http;
using TumorBoard.Web.Hosting;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Development;
using TumorBoard.Web.Database;
using TumorBoard.Web.Auth;
using TumorBoard.Web.Audit;
using TumorBoard.Web.Forms;
using TumorBoard.Web.OpenApi;

// appsettings.json and wwwroot from the app's folder, not from wherever it was started (AppFolders).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppFolders.ContentRoot(args) });
// The framework's request lines print whole URLs (search text in the query): RequestLogMiddleware logs them redacted.
builder.Services.PostConfigure<LoggerFilterOptions>(RequestLogMiddleware.SilenceHostingRequestLines);
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    RequestLimitsMiddleware.ConfigureKestrel(k);
});

var database = await DatabaseSetup.ResolveAsync(builder);
var cluster = database.Cluster;
builder.Services.AddTumorBoardDatabase(database.App);
builder.AddAuditCheckpoints(migrateOnly: args.Contains("--migrate"));
builder.AddAnalytics();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<BoardClock>();   // the board's local today/now over the same TimeProvider
builder.Services.AddSingleton<TumorBoard.Application.Features.Analytics.QualityMetricsCache>();   // counts served again while nothing has committed since
builder.Services.AddSingleton<TumorBoard.Web.Forms.LocalTime>();   // the one formatting of instants on pages and prints
builder.Services.AddSingleton<TumorBoard.Web.Shared.ReportLetterhead>();   // Board:Report:*, the printed report's letterhead
builder.Services.AddSingleton<TumorBoard.Web.Reports.DecisionReportPdf>();   // the same report as a PDF (issue #13, part 2)
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.AddScoped<AuditScope>();
builder.Services.AddScoped<CaseReadLog>();
builder.Services.AddScoped<AssessmentWriter>();
builder.Services.AddOptions<IdempotencyOptions>().Bind(builder.Configuration.GetSection("Idempotency"))
    .Validate(o => o.RetentionHours >= 24, "Idempotency:RetentionHours must be at least 24.").ValidateOnStart();
builder.Services.AddScoped<IdempotencyStore>();
builder.Services.AddHostedService<ExpiredRowsPurge>();
builder.Services.Configure<BoardOptions>(builder.Configuration.GetSection("Board"));
builder.Services.AddTumorBoardLocalisation(builder.Configuration);   // de-CH, fr-CH, it-CH, en (Hosting/Localisation.cs)
builder.Services.Configure<TumorBoard.Application.Features.Fhir.FhirOptions>(builder.Configuration.GetSection("Fhir"));
builder.Services.AddSingleton(ScoreTables.LoadRadiosensitivity(builder.Configuration, builder.Environment));
builder.Services.AddSingleton<TumorBoard.Application.Features.Fhir.Import.FhirResourceValidator>();   // built once: the R4 definitions load on first use
builder.Services.AddScoped<TumorBoard.Application.Features.Fhir.Import.FhirPatientReader>();

builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(RegisterCase), typeof(Program)];
    options.PipelineBehaviors =
    [
        typeof(AuditBehavior<,>),
        typeof(AuthorizationBehavior<,>),
        typeof(ValidationBehavior<,>),
        // Innermost: records a case read only once the handler has answered an authorized, valid query (DH-11).
        typeof(ReadLogBehavior<,>),
    ];
});
builder.Services.AddValidatorsFromAssemblyContaining<RegisterCase.Validator>(ServiceLifetime.Scoped);
ValidatorOptions.Global.LanguageManager.Enabled = true;

builder.Services.AddTumorBoardIdentity(builder.Configuration, builder.Environment);
builder.Services.AddDataProtection().SetApplicationName("TumorBoard").PersistKeysToDbContext<TumorBoardDbContext>();
builder.Services.AddSignInThrottle(builder.Configuration);

builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTexts.Customize);   // titles in the request's language
builder.Services.AddSingleton<IProblemDetailsWriter, ApiProblemDetailsWriter>();   // after the default writer: its fallback
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddSingleton<Microsoft.AspNetCore.Diagnostics.IDeveloperPageExceptionFilter, NoEchoDeveloperPageFilter>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.Configure<JsonOptions>(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
    o.SerializerOptions.AllowDuplicateProperties = false;   // {"status":"A","status":"B"} is a 400, not "the last one wins"
});
builder.Services.AddRazorPages(o =>
    {
        o.Conventions.ConfigureFilter(new MediatorExceptionPageFilter());
        o.Conventions.AllowAnonymousToPage("/Account/SignIn").AllowAnonymousToPage("/Account/SignOut")
            .AllowAnonymousToPage("/Account/AccessDenied").AllowAnonymousToPage("/Error")
            .AllowAnonymousToPage("/Account/Language");   // the language menu works before sign-in too
    })
    .AddMvcOptions(o =>
    {
        o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        ReadOnlyCollectionBinderProvider.Install(o.ModelBinderProviders);   // commands' `IReadOnlyList<T> X = []` bind from forms
        InvariantFormValueProviderFactory.Install(o.ValueProviderFactories);   // "8.5" from a number input on a French page too
    });
builder.Services.AddTumorBoardOpenApi();
// Brotli, else gzip, for HTML, JSON and problem+json, over HTTPS too (README "Response compression": why BREACH does not
// apply to our pages). Fastest levels: most of the saving for a fraction of the CPU on a 2-core box.
builder.Services.AddResponseCompression(o =>
{
    o.EnableForHttps = true;
    o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
    o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
    o.MimeTypes = [.. Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes, "application/problem+json"];
});
builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
builder.Services.AddHealthChecks().AddDbContextCheck<TumorBoardDbContext>("database", tags: ["ready"]);

var app = builder.Build();
TumorBoard.Web.Shared.ReportLetterhead.Validate(app.Services);   // a wrong Board:Report:LogoFile stops the start, not a report

if (args.Contains("--migrate"))
{
    await DatabaseSetup.MigrateAsync(database, app.Environment);
    Console.WriteLine("TumorBoard: database migrated.");
    if (cluster is not null) await cluster.StopAsync();
    return;
}

if (args.Contains("verify-audit"))
{
    // No signed-in user here: the verifier itself, not the role-checked VerifyAuditTrail message.
    await using var scope = app.Services.CreateAsyncScope();
    var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(result, System.Text.Json.JsonSerializerOptions.Web));
    if (cluster is not null) await cluster.StopAsync();
    Environment.ExitCode = result.Valid ? 0 : 1;
    return;
}

if (app.Environment.IsDevelopment())
{
    await DatabaseSetup.MigrateAsync(database, app.Environment);
    await using var scope = app.Services.CreateAsyncScope();
    if (!app.Configuration.GetValue<bool>("Seed:Skip"))
        await DemoData.SeedAsync(scope.ServiceProvider, withCases: app.Configuration.GetValue("Seed:Cases", true));
}

await DatabaseSetup.CheckRunTimeRoleAsync(database.App, app.Environment, app.Logger);

if (cluster is not null)
    app.Lifetime.ApplicationStopped.Register(() => cluster.StopAsync().GetAwaiter().GetResult());

// X-Forwarded-For/-Proto only from the proxies ReverseProxy: names; with none configured the headers are ignored.
if (IdentitySetup.HasReverseProxy(app.Configuration)) app.UseForwardedHeaders();
app.UseMiddleware<RequestLogMiddleware>();
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseResponseCompression();
app.UseExceptionHandler(app.Environment.IsDevelopment() ? "/Error" : "/Error");
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
app.UseMiddleware<RequestLimitsMiddleware>();
app.UseMiddleware<JsonCharsetCheck>();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseMiddleware<ActiveAccountMiddleware>();
app.UseRequestLocalization();   // after sign-in: the account's language comes before the cookie
app.Use(Localisation.InvariantFormattingForApiAndEnglish);
app.UseAuthorization();
app.UseAntiforgery();
app.UseMiddleware<QueryStringCheck>();
app.UseMiddleware<IdempotencyMiddleware>();
app.UseMiddleware<FormTokenMiddleware>();

app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
if (app.Environment.IsDevelopment()) app.MapScalarApiReference().AllowAnonymous();

// Every endpoint documents the problem responses its declarations imply (OpenApi/ProblemResponses.cs).
var api = app.MapGroup("/api/v1").DisableAntiforgery().WithProblemResponses()
    .AddEndpointFilter<PageLinks>();   // Link: rel="next"/"prev" on every list
api.MapAuthEndpoints();
api.MapPatientsEndpoints();
api.MapCasesEndpoints();
api.MapScoresEndpoints();
api.MapAccountsEndpoints();
api.MapMeetingsEndpoints();
api.MapCalendarEndpoints();
api.MapWorklistsEndpoints();
api.MapAssessmentsEndpoints();
api.MapAuditEndpoints();
api.MapDecisionsEndpoints();
api.MapCaseHistoryEndpoints();
api.MapFhirEndpoints();
api.MapReportEndpoints();
api.MapFhirDefinitions();
api.MapFollowUpsEndpoints();
api.MapPatientLettersEndpoints();
api.MapReportDispatchesEndpoints();
api.MapFastTrackEndpoints();
api.MapAnalyticsEndpoints();
app.MapRazorPages();

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, cluster));
await app.RunAsync();

public partial class Program;
