using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Diagnostics;

/// <summary>
/// What an operator reads in the log at Information: at startup each receiver and the components in use, a warning
/// when receivers were never routed, and a line per handled delivery with its attempts and duration.
/// </summary>
public sealed class StartupReportTests
{
    private const string Secret = "startup-report-secret-0123456789";
    private const string OldSecret = "startup-report-old-secret-987654";

    [Fact]
    public async Task Start_Mapped_LogsEachReceiverAndTheComponentsWithoutSecrets()
    {
        // Arrange & Act
        await using var host = await WebhookTestHost.StartAsync(webhooks => webhooks
            .AddGitHub(o =>
            {
                o.Secrets.Add(Secret);
                o.Secrets.Add(OldSecret);
                o.RequireHttps = false;
                o.AllowedIpRanges.Add("127.0.0.0/8");
            })
            .AddStripe(o => o.Secrets.Add("whsec_" + Secret)));
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(71).Count == 2, "both receivers are reported");

        // Assert
        var components = host.LogsWithEventId(70).Should().ContainSingle().Subject;
        components.Level.Should().Be(LogLevel.Information);
        components.Message.Should().Be(
            "WebhookKit started with 2 receivers. Queue: in memory (at most 10000 deliveries and 134217728 bytes; lost if the process crashes). "
            + "Idempotency store: in memory (this instance only). Dead letters: in memory (at most 1000 per receiver). "
            + "Journal: in memory (10000 entries, 1000 refused requests, 24 h).");
        var receivers = host.LogsWithEventId(71).Select(r => r.Message).ToList();
        receivers[0].Should().Be("Webhook receiver github (github) at /webhooks/github; secrets: 2; guards: IP allow-list, signature headers checked before the body; bodies up to 26214400 bytes.");
        receivers[1].Should().StartWith("Webhook receiver stripe (stripe) at /webhooks/stripe; secrets: 1;");
        host.LogsWithEventId(72).Should().BeEmpty();
        host.ShouldNotLeak(string.Empty, Secret, OldSecret);
    }

    [Fact]
    public async Task Start_NeitherMappedNorUsed_WarnsThatNoRequestCanReachTheReceivers()
    {
        // Arrange & Act: the app forgot app.MapWebhooks().
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)),
            configureApp: _ => { });
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(72).Count == 1, "the missing route is reported");

        // Assert
        var warning = host.LogsWithEventId(72).Single();
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Message.Should().Contain("call app.MapWebhooks()");
        host.LogsWithEventId(71).Should().ContainSingle().Which.Message.Should().Contain("at (not routed);");
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));
        response.StatusCode.Should().Be(HttpStatusCode.NotFound, "that is what the warning is about");
    }

    [Fact]
    public async Task Start_UseWebhooksWithAPrefix_ReportsThePathUnderIt()
    {
        // Arrange & Act
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)),
            configureApp: app => app.UseWebhooks("/hooks/"));
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(71).Count == 1, "the receiver is reported");

        // Assert
        host.LogsWithEventId(71).Single().Message.Should().Contain("at /hooks/github;");
        host.LogsWithEventId(72).Should().BeEmpty();
    }

    [Fact]
    public async Task Start_MappedInARouteGroup_ReportsThePathWithTheGroupsPrefix()
    {
        // Arrange & Act: the group's prefix is only known once the endpoints are built.
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)),
            configureApp: app => app.MapGroup("/api/v1").MapWebhooks("/hooks/{receiver}"));
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(71).Count == 1, "the receiver is reported");

        // Assert: the path the report names is the one a delivery reaches.
        host.LogsWithEventId(71).Single().Message.Should().Contain("at /api/v1/hooks/github;");
        host.LogsWithEventId(72).Should().BeEmpty();
        using var request = Deliveries.GitHub(Secret, Payloads.NewId());
        request.RequestUri = new Uri("/api/v1/hooks/github", UriKind.Relative);
        using var response = await host.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Start_MappedTwiceAndUsed_ReportsEveryPathInTheOrderRouted()
    {
        // Arrange & Act
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)),
            configureApp: app =>
            {
                app.UseWebhooks("/legacy");
                app.MapWebhooks();
                app.MapGroup("/tenants/{tenant}").MapWebhooks();
            });
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(71).Count == 1, "the receiver is reported");

        // Assert
        host.LogsWithEventId(71).Single().Message.Should().Contain("at /legacy/github, /webhooks/github, /tenants/{tenant}/webhooks/github;");
    }

    [Fact]
    public async Task Post_Handled_LogsAnInformationLineWithAttemptAndDuration()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services => services.AddSingleton(probe));
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        await probe.WaitForAsync(id);
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(22).Count == 1, "the handled line is written");

        // Assert
        var handled = host.LogsWithEventId(22).Single();
        handled.Level.Should().Be(LogLevel.Information);
        handled.Message.Should().MatchRegex($@"^Webhook push {id} \(receiver github\) handled on attempt 1 in \d+\.\d ms\.$");
    }

    [Fact]
    public async Task Start_AComponentThatCannotDescribeItself_StillStartsAndReceives()
    {
        // Arrange & Act: an app's own journal whose ToString throws.
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)),
            services => services.AddSingleton<WebhookKit.Journal.IWebhookJournal, UndescribableJournal>());
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(75).Count == 1, "the failed report is logged");

        // Assert
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }

    private sealed class UndescribableJournal : WebhookKit.Journal.IWebhookJournal
    {
        public long Dropped => 0;

        public void Append(WebhookKit.Journal.WebhookJournalEntry entry)
        {
        }

        public ValueTask<IReadOnlyList<WebhookKit.Journal.WebhookJournalEntry>> QueryAsync(WebhookKit.Journal.WebhookJournalQuery query, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<WebhookKit.Journal.WebhookJournalEntry>>([]);

        public override string ToString() => throw new InvalidOperationException("no description");
    }
}
