using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Diagnostics;

public sealed class MetricsTests
{
    private const string Secret = "metrics-secret-0123456789";

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, Action<WebhookOptions>? configure = null) =>
        WebhookTestHost.StartAsync(
            webhooks =>
            {
                webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>();
                webhooks.Services.Configure<WebhookOptions>(o =>
                {
                    o.RetryDelay = TimeSpan.FromMilliseconds(5);
                    configure?.Invoke(o);
                });
            },
            services => services.AddSingleton(probe));

    private static MetricCollector<T> Collect<T>(WebhookTestHost host, string instrument)
        where T : struct =>
        new(host.GetRequiredService<IMeterFactory>(), "WebhookKit", instrument);

    [Fact]
    public async Task Deliveries_EachOutcome_IsCountedWithReceiverProviderOutcomeAndEventType()
    {
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        using var deliveries = Collect<long>(host, "webhookkit.deliveries");
        var id = Payloads.NewId("m-");

        (await host.Client.SendAsync(Deliveries.GitHub(Secret, id))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, id))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Client.SendAsync(Deliveries.GitHub("wrong-secret", Payloads.NewId()))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId(), eventType: "sponsorship"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Client.GetAsync("/webhooks/github")).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);

        var measurements = deliveries.GetMeasurementSnapshot();
        measurements.Should().HaveCount(5);
        measurements.Should().OnlyContain(m => (string?)m.Tags["webhookkit.receiver"] == "github" && (string?)m.Tags["webhookkit.provider"] == "github" && m.Value == 1);
        measurements.Select(m => (string?)m.Tags["webhookkit.outcome"]).Should().Equal("accepted", "duplicate", "unauthorized", "unhandled", "method_not_allowed");
        measurements[0].Tags["webhookkit.event_type"].Should().Be("push");
        measurements[3].Tags["webhookkit.event_type"].Should().Be("other", "no payload model is bound to sponsorship, and the type comes from a header nobody signs");
        measurements[2].Tags.Should().NotContainKey("webhookkit.event_type", "an unverified delivery's event type is not trusted, and a tag without a value is left out");
    }

    [Fact]
    public async Task HandlerDuration_SuccessRetriedAndDeadLettered_AreRecordedWithRetryAndDeadLetterCounters()
    {
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.MaxAttempts = 2);
        using var durations = Collect<double>(host, "webhookkit.handler.duration");
        using var retries = Collect<long>(host, "webhookkit.handler.retries");
        using var deadLetters = Collect<long>(host, "webhookkit.dead_letters");
        using var queueWait = Collect<double>(host, "webhookkit.queue.wait");
        var failing = Payloads.NewId("fail-");
        probe.Behavior = (call, _) => call.EventId == failing ? throw new InvalidOperationException("handler failure") : Task.CompletedTask;
        var ok = Payloads.NewId("ok-");

        await host.Client.SendAsync(Deliveries.GitHub(Secret, ok));
        await host.Client.SendAsync(Deliveries.GitHub(Secret, failing));
        await probe.WaitForAsync(ok);
        var deadLetterStore = host.GetRequiredService<IDeadLetterStore>();
        await Eventually.WaitUntilAsync(async () => (await deadLetterStore.ListAsync(10, default)).Count == 1, "the failing delivery is dead-lettered");
        await Eventually.WaitUntilAsync(() => deadLetters.GetMeasurementSnapshot().Count == 1, "the dead letter is counted");

        durations.GetMeasurementSnapshot().Select(m => (string?)m.Tags["webhookkit.outcome"])
            .Should().BeEquivalentTo(["success", "retried", "dead_lettered"]);
        durations.GetMeasurementSnapshot().Should().OnlyContain(m => m.Value >= 0 && (string?)m.Tags["webhookkit.event_type"] == "push" && (string?)m.Tags["webhookkit.receiver"] == "github");
        retries.GetMeasurementSnapshot().Should().ContainSingle().Which.Value.Should().Be(1);
        deadLetters.GetMeasurementSnapshot().Should().ContainSingle();
        queueWait.GetMeasurementSnapshot().Should().HaveCount(2).And.OnlyContain(m => m.Value >= 0);
    }

    [Fact]
    public async Task QueueGauges_WithABlockedHandler_ReportDepthAndBytes()
    {
        var probe = new HandlerProbe();
        var release = new TaskCompletionSource();
        probe.Behavior = (_, token) => release.Task.WaitAsync(token);
        await using var host = await StartAsync(probe, o => o.MaxConcurrency = 1);
        using var depth = Collect<int>(host, "webhookkit.queue.depth");
        using var bytes = Collect<long>(host, "webhookkit.queue.bytes");
        var (first, second) = (Payloads.NewId(), Payloads.NewId());
        var body = Payloads.GitHubPush(first);
        var other = Payloads.GitHubPush(second);
        other.Length.Should().Be(body.Length, "both ids have the same length");

        await host.Client.SendAsync(Deliveries.GitHub(Secret, first, body: body));
        await host.Client.SendAsync(Deliveries.GitHub(Secret, second, body: other));
        await probe.WaitForAttemptsAsync(1);
        depth.RecordObservableInstruments();
        bytes.RecordObservableInstruments();
        release.SetResult();

        depth.LastMeasurement!.Value.Should().Be(2);
        bytes.LastMeasurement!.Value.Should().Be(2L * body.Length);
    }
}
