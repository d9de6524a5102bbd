using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using WebhookKit.GitHub;
using WebhookKit.Idempotency;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Receiving;

/// <summary>The status table of docs/status-codes.md, row by row, on real Kestrel: the status codes providers see.</summary>
public sealed class StatusCodeTests
{
    private const string Secret = "status-secret-5b1d";

    [Fact]
    public async Task Post_SignedDelivery_Returns200AndHandlesInBackground()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartGitHubAsync(probe);
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        await probe.WaitForAsync(id);
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.EventId.Should().Be(id);
        call.Attempt.Should().Be(1);
        call.Payload.Should().BeOfType<GitHubPushEvent>().Which.Ref.Should().Be(Payloads.GitHubPushRef);
    }

    [Fact]
    public async Task Post_DuplicateOfHandledEvent_Returns200AndHandlesOnce()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartGitHubAsync(probe);
        var id = Payloads.NewId();
        using (var first = await host.Client.SendAsync(Deliveries.GitHub(Secret, id)))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await probe.WaitForAsync(id);
        await host.WaitForQueueDrainAsync();

        // Act
        using var duplicate = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        duplicate.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().ContainSingle();
        host.LogsWithEventId(2).Should().ContainSingle().Which.Message.Should().Contain("Duplicate");
    }

    [Fact]
    public async Task Post_DuplicateOfEventInFlight_Returns200AndHandlesOnce()
    {
        // Arrange: the first delivery's handler is held until the duplicate has been answered.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = new HandlerProbe { Behavior = (_, _) => release.Task };
        await using var host = await StartGitHubAsync(probe);
        var id = Payloads.NewId();
        using (var first = await host.Client.SendAsync(Deliveries.GitHub(Secret, id)))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await probe.WaitForAttemptsAsync(1);

        // Act
        using var duplicate = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        release.SetResult();

        // Assert
        duplicate.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().ContainSingle();
        host.LogsWithEventId(2).Should().ContainSingle().Which.Message.Should().Contain("InFlight");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Send_NonPostMethod_Returns405WithAllowPost(string method)
    {
        // Arrange
        await using var host = await StartGitHubAsync(new HandlerProbe());
        using var request = new HttpRequestMessage(new HttpMethod(method), "/webhooks/github");
        if (method != "GET")
        {
            request.Content = new ByteArrayContent(Payloads.GitHubPush());
        }

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().BeEquivalentTo("POST");
    }

    [Fact]
    public async Task Post_ContentLengthOverMaxBodyBytes_Returns413()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartGitHubAsync(probe, o => o.MaxBodyBytes = 1024);
        var body = Encoding.UTF8.GetBytes("{\"ref\":\"" + new string('x', 2048) + "\"}");
        using var request = Deliveries.GitHub(Secret, Payloads.NewId(), body: body);
        request.Content!.Headers.ContentLength.Should().BeGreaterThan(1024);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        host.LogsWithEventId(6).Should().ContainSingle();
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_ChunkedBodyGrowingPastMaxBodyBytes_Returns413()
    {
        // Arrange: no Content-Length, so the limit can only be enforced while streaming.
        var probe = new HandlerProbe();
        await using var host = await StartGitHubAsync(probe, o => o.MaxBodyBytes = 1024);
        var body = Encoding.UTF8.GetBytes("{\"ref\":\"" + new string('x', 4096) + "\"}");
        using var request = Deliveries.GitHub(Secret, Payloads.NewId(), body: body);
        request.Content = new ChunkedContent(body, chunkSize: 256);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        request.Content.Headers.ContentLength.Should().BeNull("the body must be sent chunked");
        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        host.LogsWithEventId(6).Should().ContainSingle();
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_ChunkedBodyWithinMaxBodyBytes_Returns200AndHandles()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartGitHubAsync(probe, o => o.MaxBodyBytes = 64 * 1024);
        var id = Payloads.NewId();
        var body = Payloads.GitHubPush();
        using var request = Deliveries.GitHub(Secret, id, body: body);
        request.Content = new ChunkedContent(body, chunkSize: 100);
        request.Content.Headers.ContentType = new("application/json");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        probe.Calls.Should().ContainSingle().Which.Payload.Should().BeOfType<GitHubPushEvent>().Which.Ref.Should().Be(Payloads.GitHubPushRef);
    }

    [Fact]
    public async Task Post_BodyOfExactlyMaxBodyBytes_Returns200()
    {
        // Arrange
        var probe = new HandlerProbe();
        var body = Payloads.GitHubPush();
        await using var host = await StartGitHubAsync(probe, o => o.MaxBodyBytes = body.Length);
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: body));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
    }

    [Theory]
    [InlineData(0, HttpStatusCode.OK)]
    [InlineData(1, HttpStatusCode.RequestEntityTooLarge)]
    public async Task Post_ChunkedBodyAtLimitBoundary_EnforcesLimitExactly(int bytesOverLimit, HttpStatusCode expected)
    {
        // Arrange
        var probe = new HandlerProbe();
        var body = Payloads.GitHubPush();
        await using var host = await StartGitHubAsync(probe, o => o.MaxBodyBytes = body.Length - bytesOverLimit);
        using var request = Deliveries.GitHub(Secret, Payloads.NewId(), body: body);
        request.Content = new ChunkedContent(body, chunkSize: 512);
        request.Content.Headers.ContentType = new("application/json");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(expected);
    }

    [Fact]
    public async Task Post_LargeChunkedBodyFarOverMaxBodyBytes_Returns413()
    {
        // Arrange: 1 MiB streamed against a 64 KiB limit; the provider must see the 413, not a broken connection.
        var probe = new HandlerProbe();
        await using var host = await StartGitHubAsync(probe, o => o.MaxBodyBytes = 64 * 1024);
        var body = new byte[1024 * 1024];
        Array.Fill(body, (byte)'x');
        using var request = Deliveries.GitHub(Secret, Payloads.NewId(), body: body);
        request.Content = new ChunkedContent(body, chunkSize: 16 * 1024);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        probe.Attempts.Should().BeEmpty();
    }

    [Theory]
    [InlineData("/webhooks/bitbucket")]
    [InlineData("/webhooks/github-typo")]
    public async Task Post_UnknownReceiver_Returns404(string path)
    {
        // Arrange
        await using var host = await StartGitHubAsync(new HandlerProbe());
        var body = Payloads.GitHubPush();
        using var request = Deliveries.Post(path, body, "application/json", ("X-Hub-Signature-256", Signatures.GitHub(Secret, body)));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_QueueFull_Returns503WithRetryAfterAndReleasesClaim()
    {
        // Arrange: capacity 1, held by a delivery whose handler blocks until released.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blockedId = Payloads.NewId("blocked-");
        var probe = new HandlerProbe { Behavior = (call, _) => call.EventId == blockedId ? release.Task : Task.CompletedTask };
        await using var host = await StartGitHubAsync(probe, o =>
        {
            o.QueueCapacity = 1;
            o.RetryAfter = TimeSpan.FromSeconds(7);
        });
        try
        {
            using (var blocking = await host.Client.SendAsync(Deliveries.GitHub(Secret, blockedId)))
            {
                blocking.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            await probe.WaitForAttemptsAsync(1);
            var refusedId = Payloads.NewId("refused-");

            // Act
            using var refused = await host.Client.SendAsync(Deliveries.GitHub(Secret, refusedId));
            var body = await refused.ShouldBeUnavailableAsync(TimeSpan.FromSeconds(7));
            release.SetResult();
            await probe.WaitForAsync(blockedId);
            await host.WaitForQueueDrainAsync();
            using var retried = await host.Client.SendAsync(Deliveries.GitHub(Secret, refusedId));

            // Assert
            retried.StatusCode.Should().Be(HttpStatusCode.OK, "the refused delivery's claim was released, so the provider's retry is accepted");
            await probe.WaitForAsync(refusedId);
            probe.Calls.Select(call => call.EventId).Should().BeEquivalentTo([blockedId, refusedId]);
            host.LogsWithEventId(8).Should().ContainSingle().Which.Message.Should().Contain(refusedId);
            host.ShouldNotLeak(body, Secret);
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task Post_ApplicationStopping_Returns503WithRetryAfter()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartGitHubAsync(probe);
        host.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));

        // Assert
        await response.ShouldBeUnavailableAsync(TimeSpan.FromSeconds(10));
        host.LogsWithEventId(10).Should().ContainSingle();
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_IdempotencyStoreUnreachable_Returns503WithRetryAfter()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services => services.AddSingleton(probe).Replace(ServiceDescriptor.Singleton<IIdempotencyStore, UnreachableIdempotencyStore>()));

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));

        // Assert
        var body = await response.ShouldBeUnavailableAsync(TimeSpan.FromSeconds(10));
        var logged = host.LogsWithEventId(9).Should().ContainSingle().Subject;
        logged.Exception.Should().BeOfType<IOException>();
        body.Should().NotContain("store.example");
        probe.Attempts.Should().BeEmpty();
    }

    internal static Task<WebhookTestHost> StartGitHubAsync(HandlerProbe probe, Action<WebhookOptions>? configure = null) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services =>
            {
                services.AddSingleton(probe);
                if (configure is not null)
                {
                    services.Configure(configure);
                }
            });

    /// <summary>An idempotency store whose backend cannot be reached.</summary>
    private sealed class UnreachableIdempotencyStore : IIdempotencyStore
    {
        public ValueTask<IdempotencyClaimStatus> TryClaimAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
            ValueTask.FromException<IdempotencyClaimStatus>(new IOException("Connection refused: store.example:6379"));

        public ValueTask CompleteAsync(IReadOnlyList<string> keys, string owner, TimeSpan retention, CancellationToken cancellationToken) =>
            ValueTask.FromException(new IOException("Connection refused: store.example:6379"));

        public ValueTask ReleaseAsync(IReadOnlyList<string> keys, string owner, CancellationToken cancellationToken) =>
            ValueTask.FromException(new IOException("Connection refused: store.example:6379"));

        public ValueTask<bool> RenewAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
            ValueTask.FromException<bool>(new IOException("Connection refused: store.example:6379"));
    }
}
