using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Diagnostics;

/// <summary>
/// No measurement of any WebhookKit instrument carries a tag whose value is null: a tag without a value (the provider
/// of an unknown receiver, the event type of an unverified request) is left out (#16 point 7).
/// </summary>
public sealed class MetricTagTests
{
    private const string Secret = "metric-tags-secret-0123456789";

    [Fact]
    public async Task EveryInstrument_OnEveryPathReached_RecordsNoNullTagValue()
    {
        // Arrange: three GitHub receivers (one requiring HTTPS, one allowing 10.0.0.0/8 only) and a handler that fails
        // one event until it is dead-lettered.
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks =>
            {
                webhooks.AddGitHub(o => o.Secrets.Add(Secret))
                    .AddGitHub("tls-only", o =>
                    {
                        o.Secrets.Add(Secret);
                        o.RequireHttps = true;
                    })
                    .AddGitHub("private", o =>
                    {
                        o.Secrets.Add(Secret);
                        o.AllowedIpRanges.Add("10.0.0.0/8");
                    })
                    .AddHandler<RecordingHandler<GitHubPushEvent>>();
                webhooks.Services.Configure<WebhookOptions>(o =>
                {
                    o.RetryDelay = TimeSpan.FromMilliseconds(5);
                    o.MaxAttempts = 2;
                    o.MaxBodyBytes = 64 * 1024;
                });
            },
            services => services.AddSingleton(probe));
        using var recorder = new TagRecorder(host.GetRequiredService<IMeterFactory>());
        var failing = Payloads.NewId("fail-");
        probe.Behavior = (call, _) => call.EventId == failing ? throw new InvalidOperationException("handler failure") : Task.CompletedTask;
        var accepted = Payloads.NewId("ok-");

        // Act: one request per outcome this host can produce, then the handler paths.
        (await host.Client.PostAsync("/webhooks/nobody", new ByteArrayContent([]))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await host.Client.GetAsync("/webhooks/github")).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId(), receiver: "tls-only"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId(), receiver: "private"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId(), body: new byte[65 * 1024]))).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await host.Client.SendAsync(Deliveries.GitHub("wrong-secret-0123456789", Payloads.NewId()))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, new string('x', 257)))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, accepted))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, accepted))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId(), body: Payloads.GitHubPush(accepted)))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId(), eventType: "sponsorship"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, failing))).StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(accepted);
        var deadLetters = host.GetRequiredService<IDeadLetterStore>();
        await Eventually.WaitUntilAsync(async () => (await deadLetters.ListAsync(10, default)).Count == 1, "the failing delivery is dead-lettered");
        await Eventually.WaitUntilAsync(() => recorder.Instruments.Contains("webhookkit.dead_letters"), "the dead letter is counted");
        recorder.RecordObservableInstruments();

        // Assert: every path was measured, and no tag of any measurement has a null value.
        recorder.Instruments.Should().Contain(
            ["webhookkit.deliveries", "webhookkit.handler.duration", "webhookkit.queue.wait", "webhookkit.handler.retries", "webhookkit.dead_letters", "webhookkit.queue.depth", "webhookkit.queue.bytes", "webhookkit.receive.unverified_bytes"]);
        var deliveries = recorder.Measurements.Where(m => m.Instrument == "webhookkit.deliveries").ToList();
        deliveries.Select(m => (string?)m.Tags["webhookkit.outcome"]).Should().BeEquivalentTo(
            ["not_found", "method_not_allowed", "https_required", "ip_not_allowed", "too_large", "unauthorized", "bad_request", "accepted", "duplicate", "replay", "unhandled", "accepted"]);
        recorder.Measurements.Should().OnlyContain(m => m.Tags.Values.All(value => value != null), "a tag without a value is left out");
        var notFound = deliveries.Single(m => (string?)m.Tags["webhookkit.outcome"] == "not_found");
        notFound.Tags.Should().NotContainKey("webhookkit.provider").And.NotContainKey("webhookkit.event_type");
        notFound.Tags["webhookkit.receiver"].Should().Be("(unknown)");
        deliveries.Single(m => (string?)m.Tags["webhookkit.outcome"] == "unauthorized").Tags
            .Should().NotContainKey("webhookkit.event_type").And.Contain("webhookkit.provider", "github");
        deliveries.Single(m => (string?)m.Tags["webhookkit.outcome"] == "unhandled").Tags.Should().Contain("webhookkit.event_type", "other");
    }

    /// <summary>Every measurement of the host's WebhookKit meter, with its tags (the listener sees only that meter factory's instruments).</summary>
    private sealed class TagRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<Measured> _measurements = new();

        public TagRecorder(IMeterFactory meterFactory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "WebhookKit" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
            _listener.SetMeasurementEventCallback<int>((instrument, _, tags, _) => Record(instrument, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
            _listener.Start();
        }

        public IReadOnlyCollection<Measured> Measurements => _measurements;

        public HashSet<string> Instruments => _measurements.Select(m => m.Instrument).ToHashSet();

        public void RecordObservableInstruments() => _listener.RecordObservableInstruments();

        public void Dispose() => _listener.Dispose();

        private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in tags)
            {
                copy[key] = value;
            }

            _measurements.Enqueue(new Measured(instrument.Name, copy));
        }
    }

    private sealed record Measured(string Instrument, IReadOnlyDictionary<string, object?> Tags);
}
