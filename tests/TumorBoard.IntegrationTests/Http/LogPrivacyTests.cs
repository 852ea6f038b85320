using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Http;

/// <summary>No patient name or MRN reaches the log, at the levels appsettings.json configures.</summary>
public sealed class LogPrivacyTests
{
    const string Mrn = "QX-4711-PRIV";
    const string FamilyName = "Zwetschgenmeier";
    const string GivenName = "Philomena";

    [Fact]
    public async Task No_log_line_names_a_patient_registered_or_searched_for()
    {
        var log = new CapturingLoggerProvider();
        // The fixture's app logs only warnings; this one keeps appsettings.json's levels (Default: Information).
        await using var app = new TumorBoardApp(await TestPostgres.CreateDatabaseAsync(),
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = AppFixture.Coordinator, password = AppFixture.Password });
        var accessToken = (await token.ReadAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);

        var patient = TestData.Patient(Mrn) with { FamilyName = FamilyName, GivenName = GivenName };
        using var created = await client.PostAsync("/api/v1/patients", Api.Body(patient));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var patientId = (await created.ReadAsync()).GetProperty("id").GetGuid();
        (await client.PostAsync("/api/v1/cases", Api.Body(TestData.Case(patientId)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsync("/api/v1/patients", Api.Body(patient))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        foreach (var url in new[] { $"/api/v1/cases?text={FamilyName}", $"/api/v1/cases?text={Mrn}", $"/api/v1/patients?text={GivenName}",
                     $"/api/v1/patients?text={Mrn}", $"/api/v1/cases/{Guid.NewGuid()}?text={Mrn}" })
        {
            using var found = await client.GetAsync(url);
            found.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.NotFound);
            if (found.StatusCode == HttpStatusCode.OK) (await found.Content.ReadAsStringAsync()).ShouldContain(Mrn);
        }

        log.Lines.ShouldNotBeEmpty("the capturing provider saw nothing, so the test proves nothing");
        log.Lines.ShouldNotContain(l => l.Contains(Mrn, StringComparison.OrdinalIgnoreCase)
            || l.Contains(FamilyName, StringComparison.OrdinalIgnoreCase) || l.Contains(GivenName, StringComparison.OrdinalIgnoreCase),
            string.Join(Environment.NewLine, log.Lines));
    }

    [Fact]
    public async Task No_logged_url_carries_search_text_even_when_every_category_logs_information()
    {
        var log = new CapturingLoggerProvider();
        // What an app that found no appsettings.json logs: everything at Information, the framework's request lines included;
        // a provider-specific level for the very category that prints URLs does not bring them back either.
        await using var app = new TumorBoardApp(await TestPostgres.CreateDatabaseAsync(), new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
            ["Logging:Console:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        });
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));
        using var api = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = AppFixture.Coordinator, password = AppFixture.Password });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.ReadAsync()).GetProperty("accessToken").GetString());
        using var pages = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await PageClient.PostFormAsync(pages, "/Account/SignIn", new() { ["Input.Email"] = AppFixture.Coordinator, ["Input.Password"] = AppFixture.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        foreach (var url in new[] { $"/api/v1/patients?text={FamilyName}&page=1", $"/api/v1/cases?text={Mrn}&status=Draft",
                     $"/api/v1/accounts?text={GivenName}", $"/api/v1/patients?{FamilyName}" })
            (await api.GetAsync(url)).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Forbidden);
        foreach (var url in new[] { $"/Patients?Text={FamilyName}+{GivenName}", $"/Cases?Text={Mrn}&pageNumber=2",
                     $"/Cases/Register?Text={FamilyName}", $"/Account/SignIn?ReturnUrl=%2FPatients%3FText%3D{FamilyName}" })
            (await pages.GetAsync(url)).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect);

        var lines = log.Lines.ToList();
        lines.ShouldContain(l => l.Contains("HTTP GET /api/v1/patients?text=[redacted]&page=1 answered 200"), string.Join(Environment.NewLine, lines));
        lines.ShouldContain(l => l.Contains("HTTP GET /Cases?Text=[redacted]&pageNumber=2 answered 200"));
        lines.ShouldNotContain(l => l.Contains("Request starting"));
        lines.ShouldNotContain(l => l.Contains(Mrn, StringComparison.OrdinalIgnoreCase)
            || l.Contains(FamilyName, StringComparison.OrdinalIgnoreCase) || l.Contains(GivenName, StringComparison.OrdinalIgnoreCase),
            string.Join(Environment.NewLine, lines));
    }

    sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        IExternalScopeProvider? scopes;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);
        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;
        public void Dispose() { }

        sealed class Logger(string category, CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes?.Push(state);
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = $"{logLevel} {category}: {formatter(state, exception)} {exception}";
                if (state is IEnumerable<KeyValuePair<string, object?>> values) line += " " + string.Join(" ", values.Select(v => $"{v.Key}={v.Value}"));
                owner.scopes?.ForEachScope((scope, _) => line += $" [scope {scope}]", (object?)null);
                owner.Lines.Enqueue(line);
            }
        }
    }
}
