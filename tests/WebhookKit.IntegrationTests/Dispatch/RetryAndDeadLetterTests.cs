using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Dispatch;

/// <summary>Retries with backoff, then dead letters: inspect, replay, delete, and redelivery after dead-lettering.</summary>
public sealed class RetryAndDeadLetterTests
{
    private const string Secret = "retry-secret-c3d1";
    private const int MaxAttempts = 3;

    [Fact]
    public async Task Handler_FailsTransiently_SucceedsOnLaterAttemptWithIncreasingAttemptNumber()
    {
        // Arrange: the first two attempts throw.
        var probe = new HandlerProbe
        {
            Behavior = static (call, _) => call.Attempt < 3 ? throw new InvalidOperationException("transient") : Task.CompletedTask,
        };
        await using var host = await StartAsync(probe, maxAttempts: 5);
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Select(call => call.Attempt).Should().Equal(1, 2, 3);
        probe.Calls.Should().ContainSingle().Which.Attempt.Should().Be(3);
        host.LogsWithEventId(20).Should().HaveCount(2).And.AllSatisfy(record => record.Level.Should().Be(LogLevel.Warning));
        (await DeadLetters(host).ListAsync(10, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Handler_SucceededAfterRetries_RedeliveryIsDuplicate()
    {
        // Arrange
        var probe = new HandlerProbe
        {
            Behavior = static (call, _) => call.Attempt < 2 ? throw new InvalidOperationException("transient") : Task.CompletedTask,
        };
        await using var host = await StartAsync(probe, maxAttempts: 5);
        var id = Payloads.NewId();
        using var first = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        await probe.WaitForAsync(id);
        await host.WaitForQueueDrainAsync();

        // Act
        using var redelivery = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        redelivery.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().HaveCount(2, "the completed claim makes the redelivery a duplicate");
    }

    [Fact]
    public async Task Handler_AlwaysThrows_DeadLetteredAfterMaxAttempts()
    {
        // Arrange
        var probe = new HandlerProbe { Behavior = static (_, _) => throw new InvalidOperationException("permanent") };
        await using var host = await StartAsync(probe);
        var id = Payloads.NewId();
        var body = Payloads.GitHubPush();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: body));
        var deadLetter = await WaitForDeadLetterAsync(host, id);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        probe.Attempts.Select(call => call.Attempt).Should().Equal(1, 2, 3);
        probe.Calls.Should().BeEmpty();
        deadLetter.Attempts.Should().Be(MaxAttempts);
        deadLetter.Reason.Should().Contain("RecordingHandler").And.Contain(nameof(InvalidOperationException));
        deadLetter.Delivery.ReceiverName.Should().Be("github");
        deadLetter.Delivery.EventType.Should().Be("push");
        deadLetter.Delivery.Body.ToArray().Should().Equal(body);
        (await DeadLetters(host).GetAsync(deadLetter.DeliveryId, CancellationToken.None))!.Delivery.EventId.Should().Be(id);
        var logged = host.LogsWithEventId(21).Should().ContainSingle().Subject;
        logged.Level.Should().Be(LogLevel.Error);
        logged.Message.Should().Contain(id).And.Contain(deadLetter.DeliveryId);
    }

    [Fact]
    public async Task Post_RedeliveryAfterDeadLetter_IsAcceptedAndHandledAgain()
    {
        // Arrange
        var failing = true;
        var probe = new HandlerProbe { Behavior = (_, _) => Volatile.Read(ref failing) ? throw new InvalidOperationException("down") : Task.CompletedTask };
        await using var host = await StartAsync(probe);
        var id = Payloads.NewId();
        using (var first = await host.Client.SendAsync(Deliveries.GitHub(Secret, id)))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var deadLetter = await WaitForDeadLetterAsync(host, id);
        Volatile.Write(ref failing, false);

        // Act: the provider delivers the same event again.
        using var redelivery = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        redelivery.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        probe.Calls.Should().ContainSingle().Which.Attempt.Should().Be(1);
        host.LogsWithEventId(1).Should().HaveCount(2, "the dead-lettered claim was released, so the redelivery was accepted");

        // The dead letter is kept; replaying it now would handle the event twice, so the store refuses.
        await host.WaitForQueueDrainAsync();
        (await DeadLetters(host).ReplayAsync(deadLetter.DeliveryId, CancellationToken.None)).Should().Be(DeadLetterReplayResult.AlreadyAccepted);
        (await DeadLetters(host).GetAsync(deadLetter.DeliveryId, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task ReplayAsync_DeadLetterWhenHandlerRecovered_RunsHandlersAndRemovesDeadLetter()
    {
        // Arrange
        var failing = true;
        var probe = new HandlerProbe { Behavior = (_, _) => Volatile.Read(ref failing) ? throw new InvalidOperationException("down") : Task.CompletedTask };
        await using var host = await StartAsync(probe);
        var id = Payloads.NewId();
        using (var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id)))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var deadLetter = await WaitForDeadLetterAsync(host, id);
        Volatile.Write(ref failing, false);
        var store = DeadLetters(host);

        // Act
        var result = await store.ReplayAsync(deadLetter.DeliveryId, CancellationToken.None);

        // Assert
        result.Should().Be(DeadLetterReplayResult.Replayed);
        await probe.WaitForAsync(id);
        var handled = probe.Calls.Should().ContainSingle().Subject;
        handled.Attempt.Should().Be(1, "a replay is a new delivery of the same event");
        handled.Payload.Should().BeOfType<GitHubPushEvent>().Which.Ref.Should().Be(Payloads.GitHubPushRef);
        (await store.GetAsync(deadLetter.DeliveryId, CancellationToken.None)).Should().BeNull();
        (await store.ListAsync(10, CancellationToken.None)).Should().BeEmpty();
        await host.WaitForQueueDrainAsync();
        var journal = host.GetRequiredService<WebhookKit.Journal.IWebhookJournal>();
        var handledEntry = (await journal.QueryAsync(new() { Kind = WebhookKit.Journal.WebhookJournalEntryKind.Handled }, CancellationToken.None)).Should().ContainSingle().Subject;
        handledEntry.ReplayOf.Should().Be(deadLetter.DeliveryId, "the replay's entries link it to the delivery it replays");
        handledEntry.DeliveryId.Should().NotBe(deadLetter.DeliveryId);

        // The replay completed the claim: the provider's redelivery is now a duplicate.
        using var redelivery = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        redelivery.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();
        probe.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task DeleteAsync_DeadLetter_RemovesIt()
    {
        // Arrange
        var probe = new HandlerProbe { Behavior = static (_, _) => throw new InvalidOperationException("permanent") };
        await using var host = await StartAsync(probe);
        var id = Payloads.NewId();
        using (var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id)))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var deadLetter = await WaitForDeadLetterAsync(host, id);
        var store = DeadLetters(host);

        // Act
        var deleted = await store.DeleteAsync(deadLetter.DeliveryId, CancellationToken.None);

        // Assert
        deleted.Should().BeTrue();
        (await store.GetAsync(deadLetter.DeliveryId, CancellationToken.None)).Should().BeNull();
        (await store.ListAsync(10, CancellationToken.None)).Should().BeEmpty();
        (await store.DeleteAsync(deadLetter.DeliveryId, CancellationToken.None)).Should().BeFalse();
        (await store.ReplayAsync(deadLetter.DeliveryId, CancellationToken.None)).Should().Be(DeadLetterReplayResult.NotFound);
    }

    [Fact]
    public async Task ListAsync_SeveralDeadLetters_ReturnsOldestFirstUpToMaxCount()
    {
        // Arrange: one worker, so the deliveries fail in the order they were sent.
        var probe = new HandlerProbe { Behavior = static (_, _) => throw new InvalidOperationException("permanent") };
        await using var host = await StartAsync(probe, maxAttempts: 1);
        var ids = Enumerable.Range(0, 3).Select(i => Payloads.NewId($"dl-{i}-")).ToList();
        foreach (var id in ids)
        {
            using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var store = DeadLetters(host);
        await Eventually.WaitUntilAsync(async () => (await store.ListAsync(10, CancellationToken.None)).Count == 3, "three deliveries are dead-lettered");

        // Act
        var firstTwo = await store.ListAsync(2, CancellationToken.None);

        // Assert
        firstTwo.Select(deadLetter => deadLetter.Delivery.EventId).Should().Equal(ids[0], ids[1]);
        firstTwo.Should().AllSatisfy(deadLetter => deadLetter.Attempts.Should().Be(1));
    }

    [Fact]
    public async Task Post_PayloadThatDoesNotFitModel_DeadLetteredWithoutRunningHandlerOrLoggingPayload()
    {
        // Arrange: "ref" must be a string in GitHubPushEvent; the same bytes will never deserialize, so no retries.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, maxAttempts: 5);
        var id = Payloads.NewId();
        var body = Encoding.UTF8.GetBytes("""{"ref":{"secret_marker":"payload-bytes-3a7f"},"commits":[]}""");

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: body));
        var deadLetter = await WaitForDeadLetterAsync(host, id);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        probe.Attempts.Should().BeEmpty();
        deadLetter.Attempts.Should().Be(0);
        deadLetter.Reason.Should().Contain(nameof(GitHubPushEvent));
        host.ShouldNotLeak(string.Empty, "payload-bytes-3a7f", Secret);
    }

    [Fact]
    public async Task Post_ModelThatCannotBeDeserialized_DeadLetteredAndTheWorkerGoesOn()
    {
        // Arrange: System.Text.Json throws NotSupportedException (not JsonException) for an interface-typed property.
        // With one worker, a worker that died of it would leave the following push unhandled.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, configure: webhooks => webhooks
            .AddPayloadType("github", "deployment", UnsupportedModelJsonContext.Default.ModelWithInterfaceProperty)
            .AddHandler<ModelWithInterfacePropertyHandler>());
        var deploymentId = Payloads.NewId();
        var pushId = Payloads.NewId();

        // Act
        using var deployment = await host.Client.SendAsync(Deliveries.GitHub(Secret, deploymentId, eventType: "deployment", body: """{"shape":{"sides":3}}"""u8.ToArray()));
        var deadLetter = await WaitForDeadLetterAsync(host, deploymentId);
        using var push = await host.Client.SendAsync(Deliveries.GitHub(Secret, pushId));
        await probe.WaitForAsync(pushId);

        // Assert
        deployment.StatusCode.Should().Be(HttpStatusCode.OK);
        deadLetter.Attempts.Should().Be(0);
        deadLetter.Reason.Should().Be("could not be read as ModelWithInterfaceProperty: NotSupportedException");
    }

    [Fact]
    public async Task Handler_ThrowsOperationCanceledNotCausedByShutdown_IsRetried()
    {
        // Arrange: a handler's own timeout (for example an HttpClient's) is a failure like any other.
        var probe = new HandlerProbe
        {
            Behavior = static (call, _) => call.Attempt == 1 ? throw new TaskCanceledException("the handler's own HTTP call timed out") : Task.CompletedTask,
        };
        await using var host = await StartAsync(probe);
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        probe.Attempts.Select(call => call.Attempt).Should().Equal(1, 2);
    }

    [Fact]
    public async Task Handler_OneOfTwoHandlersFailsOnce_RetriesOnlyTheFailedHandler()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, configure: webhooks => webhooks.AddHandler<FailsOnFirstAttemptPushHandler>());
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForCallsAsync(2);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Select(call => (call.Handler, call.Attempt)).Should().BeEquivalentTo(
            [(nameof(GitHubPushEvent), 1), (nameof(FailsOnFirstAttemptPushHandler), 1), (nameof(FailsOnFirstAttemptPushHandler), 2)],
            "the handler that already succeeded is not run again");
        (await DeadLetters(host).ListAsync(10, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task ReplayAsync_QueueFull_ReturnsQueueUnavailableAndKeepsDeadLetter()
    {
        // Arrange: event A is dead-lettered; event B then holds the queue's only slot.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failing = Payloads.NewId("a-");
        var blocking = Payloads.NewId("b-");
        var failA = true;
        var probe = new HandlerProbe
        {
            Behavior = (call, _) => call.EventId == failing && Volatile.Read(ref failA)
                ? throw new InvalidOperationException("down")
                : call.EventId == blocking ? release.Task : Task.CompletedTask,
        };
        await using var host = await StartAsync(probe, maxAttempts: 1, configureOptions: o => o.QueueCapacity = 1);
        try
        {
            using (var a = await host.Client.SendAsync(Deliveries.GitHub(Secret, failing)))
            {
                a.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            var deadLetter = await WaitForDeadLetterAsync(host, failing);
            using (var b = await host.Client.SendAsync(Deliveries.GitHub(Secret, blocking)))
            {
                b.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            await probe.WaitUntilAsync(p => p.Attempts.Any(call => call.EventId == blocking));
            var store = DeadLetters(host);

            // Act
            var refused = await store.ReplayAsync(deadLetter.DeliveryId, CancellationToken.None);

            // Assert
            refused.Should().Be(DeadLetterReplayResult.QueueUnavailable);
            (await store.GetAsync(deadLetter.DeliveryId, CancellationToken.None)).Should().NotBeNull();

            // Once the queue frees, the same dead letter replays: the refused replay released its claim.
            Volatile.Write(ref failA, false);
            release.SetResult();
            await host.WaitForQueueDrainAsync();
            (await store.ReplayAsync(deadLetter.DeliveryId, CancellationToken.None)).Should().Be(DeadLetterReplayResult.Replayed);
            await probe.WaitForAsync(failing);
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task DeadLetterStore_OverCapacity_EvictsOldestAndLogsError()
    {
        // Arrange
        var probe = new HandlerProbe { Behavior = static (_, _) => throw new InvalidOperationException("permanent") };
        await using var host = await StartAsync(probe, maxAttempts: 1, configureOptions: o => o.DeadLetterCapacity = 2);
        var ids = Enumerable.Range(0, 3).Select(i => Payloads.NewId($"evict-{i}-")).ToList();

        // Act
        foreach (var id in ids)
        {
            using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(21).Count == 3, "three deliveries are dead-lettered");
        await host.WaitForQueueDrainAsync();

        // Assert
        (await DeadLetters(host).ListAsync(10, CancellationToken.None)).Select(deadLetter => deadLetter.Delivery.EventId).Should().Equal(ids[1], ids[2]);
        var evicted = host.LogsWithEventId(23).Should().ContainSingle().Subject;
        evicted.Level.Should().Be(LogLevel.Error);
        evicted.Message.Should().Contain(ids[0]);
    }

    private static IDeadLetterStore DeadLetters(WebhookTestHost host) => host.GetRequiredService<IDeadLetterStore>();

    /// <summary>Waits until the event is dead-lettered and its delivery acknowledged (so its claim is released).</summary>
    private static async Task<WebhookDeadLetter> WaitForDeadLetterAsync(WebhookTestHost host, string eventId)
    {
        var store = DeadLetters(host);
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

    private static Task<WebhookTestHost> StartAsync(
        HandlerProbe probe,
        int maxAttempts = MaxAttempts,
        Action<IWebhooksBuilder>? configure = null,
        Action<WebhookOptions>? configureOptions = null) =>
        WebhookTestHost.StartAsync(
            webhooks =>
            {
                webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>();
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
            });

    /// <summary>A second handler of the same payload, failing its first attempt.</summary>
    public sealed class FailsOnFirstAttemptPushHandler(HandlerProbe probe) : IWebhookHandler<GitHubPushEvent>
    {
        public Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
        {
            var call = new HandlerCall(nameof(FailsOnFirstAttemptPushHandler), webhook.EventId, webhook.Attempt);
            probe.RecordAttempt(call);
            if (webhook.Attempt == 1)
            {
                throw new InvalidOperationException("first attempt fails");
            }

            probe.Record(call);
            return Task.CompletedTask;
        }
    }

    /// <summary>A model System.Text.Json cannot deserialize: one of its properties has an interface type.</summary>
    public sealed class ModelWithInterfaceProperty
    {
        public IComparable? Shape { get; set; }
    }

    /// <summary>Never runs: its payload cannot be deserialized.</summary>
    public sealed class ModelWithInterfacePropertyHandler : IWebhookHandler<ModelWithInterfaceProperty>
    {
        public Task HandleAsync(WebhookEvent<ModelWithInterfaceProperty> webhook, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A payload that cannot be deserialized reached its handler.");
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(RetryAndDeadLetterTests.ModelWithInterfaceProperty))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
internal sealed partial class UnsupportedModelJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
