using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.DependencyInjection;

/// <summary>Misconfiguration fails the app at boot, with messages that name the receiver and the key to set (fail closed).</summary>
public sealed class StartupValidationTests
{
    public enum Mapping
    {
        MapWebhooks,
        UseWebhooks,
        None,
    }

    [Theory]
    [InlineData(Mapping.MapWebhooks)]
    [InlineData(Mapping.UseWebhooks)]
    [InlineData(Mapping.None)]
    public async Task Start_GitHubWithoutSecret_ThrowsOptionsValidationNamingReceiverAndKey(Mapping mapping)
    {
        // Arrange
        var start = () => BuildAndStartAsync(webhooks => webhooks.AddGitHub(), mapping);

        // Act
        var thrown = await start.Should().ThrowAsync<OptionsValidationException>();

        // Assert
        thrown.Which.Message.Should().Contain("'github'").And.Contain("'Webhooks:github:Secrets");
    }

    [Fact]
    public async Task Start_NamedGitLabWithoutTokenOrSigningToken_ThrowsOptionsValidationNamingReceiverAndKeys()
    {
        // Arrange
        var start = () => BuildAndStartAsync(webhooks => webhooks.AddGitLab("ops-gitlab", _ => { }), Mapping.MapWebhooks);

        // Act
        var thrown = await start.Should().ThrowAsync<OptionsValidationException>();

        // Assert
        thrown.Which.Message.Should().Contain("'ops-gitlab'")
            .And.Contain("'Webhooks:ops-gitlab:Secrets")
            .And.Contain("'Webhooks:ops-gitlab:SigningTokens");
    }

    [Fact]
    public async Task Start_OneOfTwoReceiversWithoutSecret_ThrowsNamingOnlyThatReceiver()
    {
        // Arrange
        var start = () => BuildAndStartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add("configured-secret-0123")).AddStripe("billing", null),
            Mapping.MapWebhooks);

        // Act
        var thrown = await start.Should().ThrowAsync<OptionsValidationException>();

        // Assert
        thrown.Which.Message.Should().Contain("'billing'").And.Contain("Webhooks:billing:Secrets").And.NotContain("'github'");
    }

    [Fact]
    public async Task Start_EmptySecret_ThrowsNamingItsIndex()
    {
        // Arrange
        var start = () => BuildAndStartAsync(webhooks => webhooks.AddStripe(o => o.Secrets.Add(" ")), Mapping.MapWebhooks);

        // Act
        var thrown = await start.Should().ThrowAsync<OptionsValidationException>();

        // Assert
        thrown.Which.Message.Should().Contain("'Webhooks:stripe:Secrets:0'");
    }

    [Fact]
    public async Task Start_NullSecretAddedInCode_SaysItWasANullFromCodeNotAConfigurationKey()
    {
        // Arrange: the Quick start's mistake (issue 17, point 2), a configuration value that is not set, added in code.
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var start = () => BuildAndStartAsync(webhooks => webhooks.AddStripe(o => o.Secrets.Add(configuration["StripeSigningSecret"]!)), Mapping.MapWebhooks);

        // Act
        var thrown = await start.Should().ThrowAsync<OptionsValidationException>();

        // Assert
        thrown.Which.Message.Should().Contain("has a null secret at index 0 of Secrets").And.Contain("added in code").And.Contain("'Webhooks:stripe:Secrets:0'");
    }

    [Theory]
    [InlineData("github", "Secrets")]
    [InlineData("github", "AllowedIpRanges")]
    public async Task Start_ListGivenAsOneString_SaysAListIsExpectedInsteadOfNoSecret(string receiver, string listName)
    {
        // Arrange: "Secrets": "abc" in appsettings.json binds nothing (issue 17, point 10).
        var settings = new Dictionary<string, string?> { [$"Webhooks:{receiver}:{listName}"] = "a-single-string-not-a-list" };
        if (listName != "Secrets")
        {
            settings[$"Webhooks:{receiver}:Secrets:0"] = "configured-secret-0123";
        }

        var start = () => BuildAndStartAsync(
            webhooks => webhooks.AddGitHub(),
            Mapping.MapWebhooks,
            configureConfiguration: configuration => configuration.AddInMemoryCollection(settings));

        // Act
        var thrown = await start.Should().ThrowAsync<OptionsValidationException>();

        // Assert
        thrown.Which.Message.Should().Contain($"'Webhooks:{receiver}:{listName}' set to a single string, but it is a list")
            .And.Contain($"Webhooks__{receiver}__{listName}__0")
            .And.NotContain("a-single-string-not-a-list");
    }

    [Theory]
    [InlineData("<github-webhook-secret>")]
    [InlineData("<paste your secret here>")]
    public async Task Start_SecretThatIsADocumentationPlaceholder_Throws(string placeholder)
    {
        // Arrange
        var start = () => BuildAndStartAsync(webhooks => webhooks.AddGitHub(o => o.Secrets.Add(placeholder)), Mapping.MapWebhooks);

        // Act
        var thrown = await start.Should().ThrowAsync<OptionsValidationException>();

        // Assert
        thrown.Which.Message.Should().Contain("has a placeholder at 'Webhooks:github:Secrets:0'").And.NotContain(placeholder);
    }

    [Fact]
    public async Task Start_GitLabSigningTokenNotWhsecBase64_ThrowsWithoutEchoingIt()
    {
        // Arrange
        const string invalid = "whsec_***not-base64***";
        var start = () => BuildAndStartAsync(webhooks => webhooks.AddGitLab(o => o.SigningTokens.Add(invalid)), Mapping.MapWebhooks);

        // Act
        var thrown = await start.Should().ThrowAsync<OptionsValidationException>();

        // Assert
        thrown.Which.Message.Should().Contain("'Webhooks:gitlab:SigningTokens:0'").And.NotContain(invalid);
    }

    [Fact]
    public async Task Start_QueueMaxBytesBelowMaxBodyBytes_ThrowsOptionsValidation()
    {
        // Arrange
        var start = () => BuildAndStartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add("configured-secret-0123")),
            Mapping.MapWebhooks,
            services => services.Configure<WebhookOptions>(o =>
            {
                o.MaxBodyBytes = 4096;
                o.QueueMaxBytes = 1024;
            }));

        // Act
        var thrown = await start.Should().ThrowAsync<OptionsValidationException>();

        // Assert
        thrown.Which.Message.Should().Contain("Webhooks:QueueMaxBytes");
    }

    [Fact]
    public async Task Start_MaxConcurrencyZero_ThrowsOptionsValidation()
    {
        // Arrange
        var start = () => BuildAndStartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add("configured-secret-0123")),
            Mapping.None,
            services => services.Configure<WebhookOptions>(o => o.MaxConcurrency = 0));

        // Act
        var thrown = await start.Should().ThrowAsync<OptionsValidationException>();

        // Assert
        thrown.Which.Message.Should().Contain(nameof(WebhookOptions.MaxConcurrency));
    }

    [Fact]
    public async Task Start_HandlerForPayloadNoProviderProduces_ThrowsNamingHandlerAndPayload()
    {
        // Arrange
        var start = () => BuildAndStartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add("configured-secret-0123")).AddHandler<OrphanHandler>(),
            Mapping.MapWebhooks);

        // Act
        var thrown = await start.Should().ThrowAsync<InvalidOperationException>();

        // Assert
        thrown.Which.Message.Should().Contain(nameof(OrphanHandler)).And.Contain(nameof(OrphanPayload));
    }

    [Fact]
    public async Task Start_HandlerForABuiltInModelWithoutItsReceiver_NamesTheReceiverToAdd()
    {
        // Arrange: a Shopify handler in an app that has only GitHub (issue 17, point 10: it suggested AddGitHub()).
        var start = () => BuildAndStartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add("configured-secret-0123")).AddHandler<RecordingHandler<WebhookKit.Shopify.ShopifyOrder>>(),
            Mapping.MapWebhooks);

        // Act
        var thrown = await start.Should().ThrowAsync<InvalidOperationException>();

        // Assert
        thrown.Which.Message.Should().Contain("AddShopify()").And.NotContain("AddGitHub");
    }

    [Fact]
    public async Task Start_HandlerForPayloadNoProviderProducesWithoutMapping_Throws()
    {
        // Arrange: the dispatcher starts even when nothing is mapped yet.
        var start = () => BuildAndStartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add("configured-secret-0123")).AddHandler<OrphanHandler>(),
            Mapping.None);

        // Act
        var thrown = await start.Should().ThrowAsync<InvalidOperationException>();

        // Assert
        thrown.Which.Message.Should().Contain(nameof(OrphanPayload));
    }

    [Fact]
    public async Task Start_HandlerForPayloadRegisteredWithAddPayloadType_Starts()
    {
        // Arrange
        var start = () => BuildAndStartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add("configured-secret-0123"))
                .AddPayloadType("github", "orphan", TestJsonContext.Default.OrphanPayload)
                .AddHandler<OrphanHandler>(),
            Mapping.MapWebhooks);

        // Act & Assert
        await start.Should().NotThrowAsync();
    }

    [Fact]
    public async Task Start_TwoReceiversWithSameName_Throws()
    {
        // Arrange
        var start = () => BuildAndStartAsync(
            webhooks => webhooks.AddGitHub("shared", o => o.Secrets.Add("a-github-secret-0123")).AddStripe("Shared", o => o.Secrets.Add("whsec_b-0123456789")),
            Mapping.MapWebhooks);

        // Act
        var thrown = await start.Should().ThrowAsync<InvalidOperationException>();

        // Assert
        thrown.Which.Message.Should().Contain("more than once");
    }

    [Theory]
    [InlineData("org b")]
    [InlineData("org/b")]
    [InlineData("")]
    public void AddGitHub_InvalidReceiverName_ThrowsArgumentException(string name)
    {
        // Arrange
        var builder = WebhookTestHost.CreateBuilder();
        var webhooks = builder.Services.AddWebhooks();

        // Act
        var add = () => webhooks.AddGitHub(name, o => o.Secrets.Add("a-github-secret-0123"));

        // Assert
        add.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task MapWebhooks_WithoutAddWebhooks_ThrowsInvalidOperationMentioningAddWebhooks()
    {
        // Arrange
        var builder = WebhookTestHost.CreateBuilder();
        await using var app = builder.Build();

        // Act
        var map = () => app.MapWebhooks();

        // Assert
        map.Should().Throw<InvalidOperationException>().WithMessage("*AddWebhooks()*");
    }

    [Fact]
    public async Task UseWebhooks_WithoutAddWebhooks_ThrowsInvalidOperationMentioningAddWebhooks()
    {
        // Arrange
        var builder = WebhookTestHost.CreateBuilder();
        await using var app = builder.Build();

        // Act
        var use = () => app.UseWebhooks();

        // Assert
        use.Should().Throw<InvalidOperationException>().WithMessage("*AddWebhooks()*");
    }

    [Fact]
    public void MapWebhooks_PatternWithoutReceiverParameter_ThrowsArgumentException()
    {
        // Arrange
        var builder = WebhookTestHost.CreateBuilder();
        builder.Services.AddWebhooks().AddGitHub(o => o.Secrets.Add("a-github-secret-0123"));
        var app = builder.Build();

        // Act
        var map = () => app.MapWebhooks("/hooks/{name}");

        // Assert
        map.Should().Throw<ArgumentException>().WithMessage("*{receiver}*");
    }

    [Fact]
    public async Task Start_NoReceivers_StartsAndLogsWarning()
    {
        // Arrange & Act
        await using var host = await WebhookTestHost.StartAsync(_ => { });

        // Assert
        var warning = host.LogsWithEventId(28).Should().ContainSingle().Subject;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Message.Should().Contain("AddGitHub()");
    }

    /// <summary>Builds, maps and starts an app the way a user's Program.cs does, then stops and disposes it.</summary>
    private static async Task BuildAndStartAsync(
        Action<IWebhooksBuilder> configure,
        Mapping mapping,
        Action<IServiceCollection>? configureServices = null,
        Action<IConfigurationBuilder>? configureConfiguration = null)
    {
        var builder = WebhookTestHost.CreateBuilder();
        configureConfiguration?.Invoke(builder.Configuration);
        configure(builder.Services.AddWebhooks());
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        await using (app)
        {
            switch (mapping)
            {
                case Mapping.MapWebhooks:
                    app.MapWebhooks();
                    break;
                case Mapping.UseWebhooks:
                    app.UseWebhooks();
                    break;
            }

            await app.StartAsync();
            await app.StopAsync();
        }
    }

    public sealed class OrphanHandler : IWebhookHandler<OrphanPayload>
    {
        public Task HandleAsync(WebhookEvent<OrphanPayload> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
