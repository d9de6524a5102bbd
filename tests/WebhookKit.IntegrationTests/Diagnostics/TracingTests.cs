using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Diagnostics;

public sealed class TracingTests : IDisposable
{
    private const string Secret = "tracing-secret-0123456789";
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public TracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "WebhookKit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    private Activity[] ForEvent(string operation, string eventId) =>
        [.. _stopped.Where(a => a.OperationName == operation && (string?)a.GetTagItem("webhookkit.event_id") == eventId)];

    [Fact]
    public async Task HandlerSpan_IsLinkedToTheReceiveSpanAndCarriesItsAttributes()
    {
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services => services.AddSingleton(probe));
        var id = Payloads.NewId("trace-");

        await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        await probe.WaitForAsync(id);
        await Eventually.WaitUntilAsync(() => ForEvent("webhookkit.handle", id).Length == 1, "the handler span has ended");

        var receive = ForEvent("webhookkit.receive", id).Should().ContainSingle().Subject;
        var handle = ForEvent("webhookkit.handle", id).Single();
        receive.GetTagItem("webhookkit.outcome").Should().Be("accepted");
        receive.GetTagItem("webhookkit.provider").Should().Be("github");
        receive.GetTagItem("webhookkit.receiver").Should().Be("github");
        receive.GetTagItem("webhookkit.event_type").Should().Be("push");
        handle.Kind.Should().Be(ActivityKind.Consumer);
        handle.GetTagItem("webhookkit.handler").Should().Be("RecordingHandler`1");
        handle.GetTagItem("webhookkit.attempt").Should().Be(1);
        handle.Links.Should().ContainSingle().Which.Context.Should().Match<ActivityContext>(c => c.TraceId == receive.TraceId && c.SpanId == receive.SpanId);
        handle.TraceId.Should().NotBe(receive.TraceId, "the handler runs after the request, in its own trace");
    }

    [Fact]
    public async Task HandlerSpan_WhenTheHandlerThrows_IsMarkedAsErrorWithTheExceptionTypeOnly()
    {
        var probe = new HandlerProbe { Behavior = (_, _) => throw new InvalidOperationException("secret-looking detail") };
        await using var host = await WebhookTestHost.StartAsync(
            webhooks =>
            {
                webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>();
                webhooks.Services.Configure<WebhookOptions>(o => o.MaxAttempts = 1);
            },
            services => services.AddSingleton(probe));
        var id = Payloads.NewId("trace-fail-");

        await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        await Eventually.WaitUntilAsync(() => ForEvent("webhookkit.handle", id).Length == 1, "the failed handler span has ended");

        var handle = ForEvent("webhookkit.handle", id).Single();
        handle.Status.Should().Be(ActivityStatusCode.Error);
        handle.GetTagItem("error.type").Should().Be(typeof(InvalidOperationException).FullName);
        handle.StatusDescription.Should().BeNull();
        handle.Events.Should().BeEmpty("the exception message could carry payload data");
    }
}
