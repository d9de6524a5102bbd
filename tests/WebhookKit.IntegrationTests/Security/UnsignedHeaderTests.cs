using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Security;

/// <summary>
/// What whoever captured one GitHub delivery can do with the headers GitHub does not sign (<c>X-GitHub-Delivery</c>,
/// <c>X-GitHub-Event</c>): replay the body under new ids, mint metric tags, store long keys, forge log lines. On real Kestrel.
/// </summary>
public sealed class UnsignedHeaderTests
{
    private const string Secret = "unsigned-header-secret-5b1f";

    [Fact]
    public async Task Post_ThousandRelabelledReplaysOfADeadLetteredBody_RunTheHandlerOnceAndKeepTheDeadLetter()
    {
        // Arrange: every run fails at once, so each accepted delivery becomes a dead letter (capacity 10).
        var probe = new HandlerProbe { Behavior = static (_, _) => throw new InvalidOperationException("permanent") };
        await using var host = await StartAsync(probe, configureOptions: o =>
        {
            o.MaxAttempts = 1;
            o.DeadLetterCapacity = 10;
        });
        using var outcomes = new DeliveryOutcomeCounter(host.GetRequiredService<IMeterFactory>());
        var genuineId = Payloads.NewId("genuine-");
        var body = Payloads.GitHubPush(genuineId);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, genuineId, body: body))).StatusCode.Should().Be(HttpStatusCode.OK);
        await Eventually.WaitUntilAsync(async () => (await DeadLetters(host).ListAsync(10, CancellationToken.None)).Count == 1, "the genuine delivery is dead-lettered");

        // Act: the captured body, relabelled with 1,000 new delivery ids (and the type's spelling varied).
        for (var i = 0; i < 1000; i++)
        {
            var type = (i % 3) switch { 0 => "push", 1 => "PUSH", _ => "Push" };
            using var replay = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId("replay-"), type, body));
            replay.StatusCode.Should().Be(HttpStatusCode.OK, "a replay is acknowledged like any duplicate");
        }

        await host.WaitForQueueDrainAsync();

        // Assert
        probe.Attempts.Should().ContainSingle().Which.EventId.Should().Be(genuineId);
        var deadLetters = await DeadLetters(host).ListAsync(10, CancellationToken.None);
        deadLetters.Should().ContainSingle().Which.Delivery.EventId.Should().Be(genuineId);
        outcomes["replay"].Should().Be(1000);
        outcomes["accepted"].Should().Be(1);
    }

    [Fact]
    public async Task Post_RedeliveryOfADeadLetteredEventUnderItsOwnId_IsAcceptedAgain()
    {
        // Arrange: the body's digest belongs to its event, so the provider's redelivery (same id, same body) still works.
        var failing = true;
        var probe = new HandlerProbe { Behavior = (_, _) => Volatile.Read(ref failing) ? throw new InvalidOperationException("down") : Task.CompletedTask };
        await using var host = await StartAsync(probe, configureOptions: o => o.MaxAttempts = 1);
        var id = Payloads.NewId();
        var body = Payloads.GitHubPush(id);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: body))).StatusCode.Should().Be(HttpStatusCode.OK);
        await Eventually.WaitUntilAsync(async () => (await DeadLetters(host).ListAsync(10, CancellationToken.None)).Count == 1 && host.GetRequiredService<IWebhookQueue>().Count == 0, "the delivery is dead-lettered");
        Volatile.Write(ref failing, false);

        // Act
        using var replay = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId("relabelled-"), body: body));
        using var redelivery = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: body));

        // Assert
        replay.StatusCode.Should().Be(HttpStatusCode.OK);
        redelivery.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Select(call => call.EventId).Should().Equal(id, id);
    }

    [Fact]
    public async Task Post_SameBodyUnderAnotherRegisteredType_IsAnEventOfItsOwn()
    {
        // Arrange: a sender may send one body under several types (Shopify does); each type gets one delivery.
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret))
                .AddHandler<RecordingHandler<GitHubPushEvent>>()
                .AddHandler<RecordingHandler<GitHubPingEvent>>(),
            services => services.AddSingleton(probe));
        var body = Payloads.GitHubPush(Payloads.NewId());
        var (asPush, asPing) = (Payloads.NewId("push-"), Payloads.NewId("ping-"));

        // Act
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, asPush, "push", body))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, asPing, "ping", body))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId("again-"), "ping", body))).StatusCode.Should().Be(HttpStatusCode.OK);

        // Assert
        await probe.WaitForAsync(asPing);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Select(call => call.EventId).Should().BeEquivalentTo([asPush, asPing]);
    }

    [Fact]
    public async Task Post_RelabelledReplayWithDeduplicateByBodyOff_IsHandledAgain()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o =>
            {
                o.Secrets.Add(Secret);
                o.DeduplicateByBody = false;
            }).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services => services.AddSingleton(probe));
        var body = Payloads.GitHubPush(Payloads.NewId());
        var (first, second) = (Payloads.NewId(), Payloads.NewId());

        // Act
        await host.Client.SendAsync(Deliveries.GitHub(Secret, first, body: body));
        await host.Client.SendAsync(Deliveries.GitHub(Secret, second, body: body));

        // Assert
        await probe.WaitForAsync(second);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Select(call => call.EventId).Should().BeEquivalentTo([first, second]);
    }

    [Fact]
    public async Task Deliveries_ThreeHundredInventedEventTypes_AreTaggedOtherOnly()
    {
        // Arrange: a catch-all handler, so invented types are accepted too, not only acknowledged as unhandled.
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret))
                .AddHandler<RecordingHandler<GitHubPushEvent>>()
                .AddHandler<RecordingHandler<GitHubEvent>>(),
            services => services.AddSingleton(probe));
        using var deliveries = new MetricCollector<long>(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.deliveries");
        using var handlerRuns = new MetricCollector<double>(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.handler.duration");

        // Act: 300 types, the longest 250 characters, each on a body of its own.
        for (var i = 0; i < 300; i++)
        {
            var type = $"invented-{i}-" + new string('x', i % 2 == 0 ? 230 : 3);
            var id = Payloads.NewId();
            (await host.Client.SendAsync(Deliveries.GitHub(Secret, id, type))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId(), "PUSH"))).StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();

        // Assert
        var tags = deliveries.GetMeasurementSnapshot().Select(m => (string?)m.Tags["webhookkit.event_type"]).ToHashSet();
        tags.Should().BeEquivalentTo(["other", "push"], "only types with a model of their own are tags, in their registered spelling");
        handlerRuns.GetMeasurementSnapshot().Select(m => (string?)m.Tags["webhookkit.event_type"]).Distinct().Should().BeEquivalentTo(["other", "push"]);
    }

    [Theory]
    [InlineData("X-GitHub-Delivery", 257)]
    [InlineData("X-GitHub-Delivery", 30_000)]
    [InlineData("X-GitHub-Event", 257)]
    public async Task Post_IdOrTypeLongerThanTheLimit_Returns400AndClaimsNothing(string header, int length)
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var id = Payloads.NewId();
        var request = Deliveries.GitHub(Secret, id).WithHeader(header, new string('a', length));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        host.LogsWithEventId(5).Should().ContainSingle().Which.Message.Should().NotContain("aaaa", "the value itself is never logged");
        host.GetRequiredService<IWebhookQueue>().Count.Should().Be(0);
    }

    [Fact]
    public async Task Post_IdOfExactlyTheLimit_IsAccepted()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var id = new string('d', WebhookOptions.MaxEventIdBytes);

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
    }

    [Theory]
    [InlineData("X-GitHub-Delivery", "\u001b[31mforged")]
    [InlineData("X-GitHub-Delivery", "id\u0001x")]
    [InlineData("X-GitHub-Event", "push\u007f")]
    public async Task Post_ControlCharacterInIdOrType_Returns400WithoutEchoingIt(string header, string value)
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var request = Deliveries.GitHub(Secret, Payloads.NewId()).WithHeader(header, value);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        host.Logs.GetSnapshot().Should().NotContain(record => record.Message.Contains(value, StringComparison.Ordinal));
    }

    private static IDeadLetterStore DeadLetters(WebhookTestHost host) => host.GetRequiredService<IDeadLetterStore>();

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, Action<WebhookOptions>? configureOptions = null) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services =>
            {
                services.AddSingleton(probe);
                services.Configure<WebhookOptions>(o =>
                {
                    o.RetryDelay = TimeSpan.FromMilliseconds(5);
                    configureOptions?.Invoke(o);
                });
            });
}
