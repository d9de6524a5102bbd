using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.Idempotency;
using WebhookKit.Stripe;

namespace WebhookKit.Tests.DependencyInjection;

public sealed class WebhooksServiceCollectionExtensionsTests
{
    private static ServiceCollection Services(params (string Key, string Value)[] configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(configuration.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build());
        return services;
    }

    [Fact]
    public void AddWebhooks_ConfigurationSection_IsBound()
    {
        var services = Services(("Webhooks:MaxBodyBytes", "1024"), ("Webhooks:RetentionDuration", "1.00:00:00"));
        services.AddWebhooks();

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;

        options.MaxBodyBytes.Should().Be(1024);
        options.RetentionDuration.Should().Be(TimeSpan.FromDays(1));
    }

    [Fact]
    public void AddWebhooks_ConfigureOverload_RunsAfterConfiguration()
    {
        var services = Services(("Webhooks:MaxConcurrency", "2"));
        services.AddWebhooks(o => o.MaxConcurrency = 8);

        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<WebhookOptions>>().Value.MaxConcurrency.Should().Be(8);
    }

    [Theory]
    [InlineData("Webhooks:MaxConcurrency", "0", "MaxConcurrency")]
    [InlineData("Webhooks:QueueMaxBytes", "10", "QueueMaxBytes")]
    [InlineData("Webhooks:LeaseDuration", "00:00:00", "LeaseDuration")]
    [InlineData("Webhooks:RetryAfter", "-00:00:01", "RetryAfter")]
    [InlineData("Webhooks:MinRequestBodyDataRate", "-1", "MinRequestBodyDataRate")]
    [InlineData("Webhooks:MinRequestBodyDataRateGracePeriod", "00:00:01", "MinRequestBodyDataRateGracePeriod")]
    public void AddWebhooks_InvalidOption_FailsValidationNamingIt(string key, string value, string expectedName)
    {
        var services = Services((key, value));
        services.AddWebhooks();
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<WebhookOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(expectedName);
    }

    [Fact]
    public void AddWebhooks_CalledTwice_RegistersCoreServicesOnce()
    {
        var services = Services();
        services.AddWebhooks();
        var count = services.Count;

        services.AddWebhooks();

        services.Count.Should().Be(count);
    }

    [Fact]
    public void AddWebhooks_UserStoreRegisteredFirst_IsKept()
    {
        var services = Services();
        services.AddSingleton<IIdempotencyStore, NoopStore>();

        services.AddWebhooks();

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IIdempotencyStore>().Should().BeOfType<NoopStore>();
    }

    [Fact]
    public void AddGitHub_NoSecret_FailsValidationNamingReceiverAndKey()
    {
        var services = Services();
        services.AddWebhooks().AddGitHub();
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptionsMonitor<GitHubWebhookOptions>>().Get("github");

        read.Should().Throw<OptionsValidationException>().Which.Message
            .Should().Contain("'github'").And.Contain("Webhooks:github:Secrets");
    }

    [Fact]
    public void AddGitHub_DefaultAndNamedReceivers_BindTheirOwnSections()
    {
        var services = Services(("Webhooks:GitHub:Secrets:0", "default-secret-value"), ("Webhooks:org-b:Secrets:0", "org-b-secret-value"), ("Webhooks:org-b:AllowSha1Signatures", "true"));
        services.AddWebhooks().AddGitHub().AddGitHub("org-b", o => o.Secrets.Add("org-b-second-value"));
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<GitHubWebhookOptions>>();

        monitor.Get("github").Secrets.Should().Equal("default-secret-value");
        monitor.Get("org-b").Secrets.Should().Equal("org-b-secret-value", "org-b-second-value");
        monitor.Get("org-b").AllowSha1Signatures.Should().BeTrue();
        monitor.Get("github").AllowSha1Signatures.Should().BeFalse();
    }

    [Fact]
    public void AddStripe_ToleranceOutOfRange_FailsValidation()
    {
        var services = Services();
        services.AddWebhooks().AddStripe(o =>
        {
            o.Secrets.Add("whsec_x-0123456789");
            o.Tolerance = TimeSpan.Zero;
        });
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptionsMonitor<StripeWebhookOptions>>().Get("stripe");

        read.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Webhooks:stripe:Tolerance");
    }

    [Theory]
    [InlineData("not-whsec")]
    [InlineData("whsec_")]
    [InlineData("whsec_***")]
    public void AddGitLab_MalformedSigningToken_FailsValidation(string signingToken)
    {
        var services = Services();
        services.AddWebhooks().AddGitLab("ops", o => o.SigningTokens.Add(signingToken));
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptionsMonitor<GitLabWebhookOptions>>().Get("ops");

        read.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Webhooks:ops:SigningTokens:0");
    }

    [Fact]
    public void AddGitLab_SigningTokenOnly_IsValid()
    {
        var services = Services();
        services.AddWebhooks().AddGitLab(o => o.SigningTokens.Add("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptionsMonitor<GitLabWebhookOptions>>().Get("gitlab");

        read.Should().NotThrow();
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a:b")]
    [InlineData("with space")]
    public void AddGitHub_InvalidReceiverName_Throws(string name)
    {
        var builder = Services().AddWebhooks();

        var add = () => builder.AddGitHub(name, null);

        add.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void AddHandler_HandlerOfSeveralPayloads_IsRegisteredForEach()
    {
        var services = Services();

        services.AddWebhooks().AddHandler<TwoPayloadHandler>();

        services.Should().Contain(d => d.ServiceType == typeof(IWebhookHandler<GitHubPushEvent>) && d.ImplementationType == typeof(TwoPayloadHandler) && d.Lifetime == ServiceLifetime.Scoped);
        services.Should().Contain(d => d.ServiceType == typeof(IWebhookHandler<StripeEvent>) && d.ImplementationType == typeof(TwoPayloadHandler));
    }

    [Fact]
    public void AddHandler_TypeWithoutHandlerInterface_Throws()
    {
        var builder = Services().AddWebhooks();

        var add = () => builder.AddHandler<NotAHandler>();

        add.Should().Throw<ArgumentException>().WithMessage("*IWebhookHandler*");
    }

    [Fact]
    public void AddHandler_ForPayloadNoReceiverProduces_FailsWhenTheRegistryIsBuilt()
    {
        var services = Services();
        services.AddWebhooks().AddGitHub(o => o.Secrets.Add("github-secret-0123456789")).AddHandler<StripeOnlyHandler>();
        using var provider = services.BuildServiceProvider();

        var build = () => provider.GetRequiredService<WebhookPayloadRegistry>();

        build.Should().Throw<InvalidOperationException>().WithMessage("*StripeOnlyHandler*StripeEvent*");
    }

    [Fact]
    public void PayloadRegistry_GitHubPushHandlerOnly_MatchesPushAndNothingElse()
    {
        var services = Services();
        services.AddWebhooks().AddGitHub(o => o.Secrets.Add("github-secret-0123456789")).AddHandler<TwoPayloadHandler>().AddStripe(o => o.Secrets.Add("whsec_x-0123456789"));
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<WebhookPayloadRegistry>();

        registry.GetHandled("github", "push").Select(b => b.PayloadType).Should().Equal(typeof(GitHubPushEvent));
        registry.GetHandled("github", "sponsorship").Should().BeEmpty();
        registry.GetHandled("stripe", "customer.updated").Select(b => b.PayloadType).Should().Equal(typeof(StripeEvent));
        registry.GetHandled("gitlab", "Push Hook").Should().BeEmpty();
    }

    [Fact]
    public void PayloadRegistry_CatchAllHandler_MatchesEveryEventOfItsProvider()
    {
        var services = Services();
        services.AddWebhooks().AddGitHub(o => o.Secrets.Add("github-secret-0123456789")).AddHandler<CatchAllHandler>().AddHandler<TwoPayloadHandler>().AddStripe(o => o.Secrets.Add("whsec_x-0123456789"));
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<WebhookPayloadRegistry>();

        registry.GetHandled("github", "push").Select(b => b.PayloadType).Should().BeEquivalentTo([typeof(GitHubPushEvent), typeof(GitHubEvent)]);
        registry.GetHandled("github", "sponsorship").Select(b => b.PayloadType).Should().Equal(typeof(GitHubEvent));
    }

    private sealed class TwoPayloadHandler : IWebhookHandler<GitHubPushEvent>, IWebhookHandler<StripeEvent>
    {
        public Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task HandleAsync(WebhookEvent<StripeEvent> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class CatchAllHandler : IWebhookHandler<GitHubEvent>
    {
        public Task HandleAsync(WebhookEvent<GitHubEvent> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class StripeOnlyHandler : IWebhookHandler<StripeEvent>
    {
        public Task HandleAsync(WebhookEvent<StripeEvent> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NotAHandler;

    private sealed class NoopStore : IIdempotencyStore
    {
        public ValueTask<IdempotencyClaimStatus> TryClaimAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken) => ValueTask.FromResult(IdempotencyClaimStatus.Claimed);

        public ValueTask CompleteAsync(IReadOnlyList<string> keys, string owner, TimeSpan retention, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ReleaseAsync(IReadOnlyList<string> keys, string owner, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<bool> RenewAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken) => ValueTask.FromResult(true);
    }
}
