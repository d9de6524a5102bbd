using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;

namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>Assertions and waits shared by the integration tests.</summary>
public static class WebhookAssertions
{
    /// <summary>
    /// Asserts that <paramref name="response"/> is an RFC 9457 problem with <paramref name="status"/>:
    /// <c>application/problem+json</c> whose <c>status</c> member matches. Returns the body for further checks.
    /// </summary>
    public static async Task<string> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, "the body was {0}", body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.RootElement.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        return body;
    }

    /// <summary>Asserts a 503 problem with a <c>Retry-After</c> of <paramref name="retryAfter"/>.</summary>
    public static async Task<string> ShouldBeUnavailableAsync(this HttpResponseMessage response, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull("a 503 tells the provider when to retry");
        response.Headers.RetryAfter!.Delta.Should().Be(retryAfter);
        return body;
    }

    /// <summary>
    /// Asserts that neither <paramref name="responseBody"/> nor any captured log line (message, structured state or
    /// exception) contains any of <paramref name="secrets"/> (secrets, tokens, presented signatures).
    /// </summary>
    public static void ShouldNotLeak(this WebhookTestHost host, string responseBody, params string[] secrets)
    {
        ArgumentNullException.ThrowIfNull(host);
        var records = host.Logs.GetSnapshot();
        records.Should().NotBeEmpty("the rejection should have been logged");
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            responseBody.Should().NotContain(secret, "a problem response must not echo secrets or signatures");
            foreach (var record in records)
            {
                record.Message.Should().NotContain(secret, "log line {0} must not contain secrets or signatures", record.Id);
                (record.Exception?.ToString() ?? string.Empty).Should().NotContain(secret);
                foreach (var pair in record.StructuredState ?? [])
                {
                    (pair.Value ?? string.Empty).Should().NotContain(secret, "log state {0} must not contain secrets or signatures", pair.Key);
                }
            }
        }
    }

    /// <summary>Waits until the queue holds nothing: every accepted delivery was handled or dead-lettered and acknowledged.</summary>
    public static Task WaitForQueueDrainAsync(this WebhookTestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var queue = host.Services.GetRequiredService<IWebhookQueue>();
        return Eventually.WaitUntilAsync(() => queue.Count == 0, "the webhook queue is empty");
    }

    /// <summary>Gets the captured log lines with a WebhookKit event id.</summary>
    public static IReadOnlyList<Microsoft.Extensions.Logging.Testing.FakeLogRecord> LogsWithEventId(this WebhookTestHost host, int eventId)
    {
        ArgumentNullException.ThrowIfNull(host);
        return [.. host.Logs.GetSnapshot().Where(record => record.Id.Id == eventId && (record.Category ?? string.Empty).StartsWith("WebhookKit", StringComparison.Ordinal))];
    }
}
