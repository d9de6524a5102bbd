using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Dispatch;

/// <summary>Models, converters and handlers that fail in the ways a user's code can, and the host they run in.</summary>
public static class PoisonDeliveryFixtures
{
    public const string Secret = "poison-secret-5b2e";

    /// <summary>Put into every exception message a poison converter throws: it quotes the payload, so it must not be logged.</summary>
    public const string PayloadMarker = "payload-bytes-9c4d";

    /// <summary>A GitHub <c>deployment</c> delivery whose <c>ref</c> makes <see cref="ThrowingConverter"/> throw <paramref name="exception"/>.</summary>
    public static HttpRequestMessage PoisonDeployment(string id, string exception = "format") =>
        Deliveries.GitHub(Secret, id, eventType: "deployment", body: JsonSerializer.SerializeToUtf8Bytes(new { @ref = $"{exception}:{PayloadMarker}", delivery = id }));

    /// <summary>
    /// GitHub with <see cref="RecordingHandler{TPayload}"/> of <see cref="GitHubPushEvent"/> and of <see cref="PoisonDeployment"/>'s
    /// model; short retry delays and one worker unless <paramref name="configureOptions"/> says otherwise.
    /// </summary>
    public static Task<WebhookTestHost> StartAsync(
        HandlerProbe probe,
        int maxAttempts = 3,
        Action<IWebhooksBuilder>? configure = null,
        Action<WebhookOptions>? configureOptions = null,
        Action<IServiceCollection>? configureServices = null) =>
        WebhookTestHost.StartAsync(
            webhooks =>
            {
                webhooks.AddGitHub(o => o.Secrets.Add(Secret))
                    .AddHandler<RecordingHandler<GitHubPushEvent>>()
                    .AddPayloadType("github", "deployment", PoisonJsonContext.Default.ThrowingDeployment)
                    .AddHandler<RecordingHandler<ThrowingDeployment>>();
                configure?.Invoke(webhooks);
            },
            services =>
            {
                services.AddSingleton(probe);
                services.Configure<WebhookOptions>(o =>
                {
                    o.MaxAttempts = maxAttempts;
                    o.RetryDelay = TimeSpan.FromMilliseconds(10);
                    o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
                    o.MaxConcurrency = 1;
                    configureOptions?.Invoke(o);
                });
                configureServices?.Invoke(services);
            });

    /// <summary>Waits until the event is dead-lettered and its delivery acknowledged.</summary>
    public static async Task<WebhookDeadLetter> WaitForDeadLetterAsync(WebhookTestHost host, string eventId)
    {
        var store = host.GetRequiredService<IDeadLetterStore>();
        var queue = host.GetRequiredService<IWebhookQueue>();
        WebhookDeadLetter? found = null;
        await Eventually.WaitUntilAsync(
            async () =>
            {
                found = (await store.ListAsync(100, CancellationToken.None)).FirstOrDefault(deadLetter => deadLetter.Delivery.EventId == eventId);
                return found is not null && queue.Count == 0;
            },
            $"event {eventId} is dead-lettered and acknowledged");
        return found!;
    }

    /// <summary>Sends a good push and waits until it is handled: the dispatcher is still working.</summary>
    public static async Task ShouldStillHandleAsync(WebhookTestHost host, HandlerProbe probe)
    {
        var id = Payloads.NewId("after-");
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        host.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested
            .Should().BeFalse("a failing delivery must not stop the host");
    }
}

/// <summary>A deployment model whose <c>ref</c> is read by <see cref="ThrowingConverter"/>.</summary>
public sealed class ThrowingDeployment
{
    [JsonConverter(typeof(ThrowingConverter))]
    public string? Ref { get; init; }
}

/// <summary>A push model of the user's own, next to the built-in <see cref="GitHubPushEvent"/>; its <c>ref</c> never reads.</summary>
public sealed class UnreadablePush
{
    [JsonConverter(typeof(ThrowingConverter))]
    public string? Ref { get; init; }
}

/// <summary>A user's model that expects a number where GitHub sends an object: System.Text.Json's own JsonException, with a path.</summary>
public sealed class StrictDeploymentStatus
{
    public int DeploymentStatus { get; init; }
}

/// <summary>A user's exception type, unknown to System.Text.Json and to the dispatcher.</summary>
public sealed class PoisonException(string message) : Exception(message);

/// <summary>
/// A user's converter that throws what the value's prefix names (<c>keynotfound:</c>, <c>custom:</c>, otherwise a
/// <see cref="FormatException"/>), with a message quoting the value, as real converters do.
/// </summary>
public sealed class ThrowingConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString() ?? string.Empty;
        var message = $"cannot read '{value}'";
        throw value.Split(':')[0] switch
        {
            "keynotfound" => new KeyNotFoundException(message),
            "custom" => new PoisonException(message),
            _ => new FormatException(message),
        };
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Counts activations of <see cref="ThrowsInConstructorHandler"/>; the first <see cref="FailFirst"/> throw.</summary>
public sealed class ActivationCounter
{
    private int _count;

    public int FailFirst { get; init; }

    public int Next() => Interlocked.Increment(ref _count);
}

/// <summary>A push handler whose constructor throws for its first <see cref="ActivationCounter.FailFirst"/> activations.</summary>
public sealed class ThrowsInConstructorHandler : IWebhookHandler<GitHubPushEvent>
{
    private readonly HandlerProbe _probe;

    public ThrowsInConstructorHandler(HandlerProbe probe, ActivationCounter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        if (counter.Next() <= counter.FailFirst)
        {
            throw new PoisonException("the handler's dependency is not ready");
        }

        _probe = probe;
    }

    public Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
    {
        _probe.Record(new HandlerCall(nameof(ThrowsInConstructorHandler), webhook.EventId, webhook.Attempt));
        return Task.CompletedTask;
    }
}

/// <summary>A push handler that succeeds, then throws from Dispose when its scope ends.</summary>
public sealed class ThrowsOnDisposeHandler(HandlerProbe probe) : IWebhookHandler<GitHubPushEvent>, IDisposable
{
    public Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
    {
        probe.Record(new HandlerCall(nameof(ThrowsOnDisposeHandler), webhook.EventId, webhook.Attempt));
        return Task.CompletedTask;
    }

    public void Dispose() => throw new PoisonException("dispose failed");
}

[JsonSerializable(typeof(ThrowingDeployment))]
[JsonSerializable(typeof(UnreadablePush))]
[JsonSerializable(typeof(StrictDeploymentStatus))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
internal sealed partial class PoisonJsonContext : JsonSerializerContext;
