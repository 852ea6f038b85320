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
