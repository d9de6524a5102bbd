using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookKit.Dashboard;
using WebhookKit.GitHub;
using WebhookKit.Testing;

namespace WebhookKit.Dashboard.Tests.Infrastructure;

/// <summary>
/// An app on real Kestrel (127.0.0.1, a free port) with a GitHub receiver, a push handler the test can make fail, and
/// the dashboard mapped at <c>/webhooks/dashboard</c>; <c>webhooks</c> adds to its WebhookKit (a Redis backend).
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    public const string Secret = "dashboard-tests-github-secret-7d1";

    /// <summary>The header the test authentication scheme reads the user name from.</summary>
    public const string UserHeader = "X-Test-User";

    private DashboardHost(WebApplication app, string address)
    {
        App = app;
        Address = address;
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public WebApplication App { get; }

    /// <summary>Gets the app's address with its PathBase, ending without a slash.</summary>
    public string Address { get; }

    public HttpClient Client { get; }

    public PushHandlerSwitch Handler => App.Services.GetRequiredService<PushHandlerSwitch>();

    public WebhookDeliveryTracker Tracker => App.Services.GetRequiredService<WebhookDeliveryTracker>();

    public string DashboardUrl => Address + "/webhooks/dashboard/";

    public static async Task<DashboardHost> StartAsync(
        string environment = "Development",
        Action<WebhookDashboardOptions>? dashboard = null,
        bool requireAuthorization = false,
        string? pathBase = null,
        Action<IWebhooksBuilder>? webhooks = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<PushHandlerSwitch>();
        var webhooksBuilder = builder.Services.AddWebhooks(o =>
            {
                o.MaxAttempts = 1;
                o.RetryDelay = TimeSpan.FromMilliseconds(10);
            })
            .AddGitHub(o => o.Secrets.Add(Secret))
            .AddHandler<SwitchablePushHandler>()
            .AddDashboard(dashboard);
        webhooks?.Invoke(webhooksBuilder);
        builder.Services.AddWebhookTesting();
        if (requireAuthorization)
        {
            builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
            builder.Services.AddAuthorizationBuilder().AddPolicy("ops", policy => policy.RequireAuthenticatedUser());
        }

        var app = builder.Build();
        if (pathBase is not null)
        {
            app.UsePathBase(pathBase);
        }

        app.UseRouting();
        if (requireAuthorization)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        app.MapWebhooks();
        var mapped = app.MapWebhookDashboard();
        if (requireAuthorization)
        {
            mapped.RequireAuthorization("ops");
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new DashboardHost(app, address + (pathBase ?? ""));
    }

    /// <summary>Posts a signed GitHub push with <paramref name="deliveryId"/> as its event id.</summary>
    public Task<HttpResponseMessage> PostPushAsync(string deliveryId, string gitRef = "refs/heads/main") =>
        Client.PostGitHubWebhookAsync("push", $$"""{"ref":"{{gitRef}}","commits":[]}""", Secret, deliveryId, path: new Uri(Address).AbsolutePath.TrimEnd('/') + "/webhooks/github");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>Authenticates a request whose <see cref="UserHeader"/> names a user; anyone else is anonymous.</summary>
    private sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestHeader";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers[UserHeader].ToString() is { Length: > 0 } user
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], SchemeName)), SchemeName))
                : AuthenticateResult.NoResult());
    }
}

/// <summary>Whether the push handler fails, and how often it ran.</summary>
public sealed class PushHandlerSwitch
{
    private int _runs;
    private volatile bool _fail;

    public bool Fail
    {
        get => _fail;
        set => _fail = value;
    }

    public int Runs => Volatile.Read(ref _runs);

    public void Ran() => Interlocked.Increment(ref _runs);
}

/// <summary>A push handler that throws while <see cref="PushHandlerSwitch.Fail"/> is set.</summary>
public sealed class SwitchablePushHandler(PushHandlerSwitch handlerSwitch) : IWebhookHandler<GitHubPushEvent>
{
    public const string FailureMessage = "the warehouse API answered 503 for order 1042";

    public Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
    {
        handlerSwitch.Ran();
        return handlerSwitch.Fail ? throw new InvalidOperationException(FailureMessage) : Task.CompletedTask;
    }
}
