using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit;
using WebhookKit.GitHub;
using WebhookKit.Testing;
using Xunit;

namespace PackageConsumer;

/// <summary>What a user does after `dotnet add package WebhookKitDotNet`: one signed delivery, end to end, on real Kestrel.</summary>
public sealed class ConsumerTests
{
    private const string Secret = "package-consumer-secret";

    public sealed class PushRefs
    {
        public List<string?> Refs { get; } = [];
    }

    public sealed class PushHandler(PushRefs refs) : IWebhookHandler<GitHubPushEvent>
    {
        public Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
        {
            lock (refs)
            {
                refs.Refs.Add(webhook.Payload.Ref);
            }

            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task SignedGitHubPush_FromThePackages_IsVerifiedQueuedAndHandled()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<PushRefs>();
        builder.Services.AddWebhooks()
            .AddGitHub(o => o.Secrets.Add(Secret))
            .AddHandler<PushHandler>();
        builder.Services.AddWebhookTesting();
        await using var app = builder.Build();
        app.MapWebhooks();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var accepted = await client.PostGitHubWebhookAsync("push", """{"ref":"refs/heads/main","commits":[]}""", Secret, "consumer-1");
        using var forged = await client.PostGitHubWebhookAsync("push", """{"ref":"refs/heads/main"}""", "not-the-secret", "consumer-2");
        var finished = await app.Services.GetRequiredService<WebhookDeliveryTracker>().WaitForEventAsync("consumer-1", TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.True(finished.Handled);
        Assert.Equal(["refs/heads/main"], app.Services.GetRequiredService<PushRefs>().Refs);
        await app.StopAsync();
    }
}
