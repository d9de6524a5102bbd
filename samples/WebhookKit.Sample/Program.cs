using WebhookKit.Sample;
using WebhookKit.Sample.Demo;
using WebhookKit.Sample.Handlers;

// --demo: start on a free loopback port, send this app real signed deliveries, print what happened.
// Without it: a normal web app, for deliveries from GitHub, Stripe and GitLab (for example through ngrok).
var demo = args.Contains(DemoRunner.Switch);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = [.. args.Where(arg => arg != DemoRunner.Switch)],

    // The demo signs with the development secrets, so it runs as Development however and wherever it is
    // started, reading appsettings*.json from the build output.
    EnvironmentName = demo ? Environments.Development : null,
    ContentRootPath = demo ? AppContext.BaseDirectory : null,
});

if (demo)
{
    DemoRunner.Configure(builder);
}

builder.Services.AddSingleton<DemoLedger>();
builder.Services.AddWebhooks()          // Webhooks:* options, validated at startup
    .AddGitHub()                        // POST /webhooks/github, secrets from Webhooks:GitHub:Secrets
    .AddStripe()                        // POST /webhooks/stripe, secrets from Webhooks:Stripe:Secrets
    .AddGitLab()                        // POST /webhooks/gitlab, Webhooks:GitLab:Secrets and :SigningTokens
    .AddHandler<GitHubPushHandler>()
    .AddHandler<GitHubPingHandler>()
    .AddHandler<StripeWebhookHandler>()
    .AddHandler<GitLabPushHandler>();

var app = builder.Build();
app.MapWebhooks();

if (demo)
{
    return await DemoRunner.RunAsync(app);
}

await app.RunAsync();
return 0;
