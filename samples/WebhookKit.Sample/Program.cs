using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WebhookKit.Sample;
using WebhookKit.Sample.Demo;
using WebhookKit.Sample.Handlers;

// --demo: start on a free loopback port, send this app real signed deliveries, print what happened.
// Without it: a normal web app, for deliveries from GitHub, Stripe and GitLab (for example through ngrok).
// --demo --keep: the same, then keep running so the dashboard (/webhooks/dashboard/) can be looked at.
// --otel: print WebhookKit's metrics and traces with OpenTelemetry's console exporter.
const string OpenTelemetrySwitch = "--otel";
var demo = args.Contains(DemoRunner.Switch);
var keep = args.Contains(DemoRunner.KeepSwitch);
var openTelemetry = args.Contains(OpenTelemetrySwitch);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = [.. args.Where(arg => arg is not (DemoRunner.Switch or DemoRunner.KeepSwitch or OpenTelemetrySwitch))],

    // The demo signs with the development secrets, so it runs as Development however and wherever it is
    // started, reading appsettings*.json from the build output.
    EnvironmentName = demo ? Environments.Development : null,
    ContentRootPath = demo ? AppContext.BaseDirectory : null,
});

if (demo)
{
    // The only place the repository's secrets are read: without --demo the app needs secrets of your own, and refuses
    // to start without them (see the sample's README), so no secret published here can ever accept a delivery.
    builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, DemoRunner.SecretsFile), optional: false);
    DemoRunner.Configure(builder);
}

if (openTelemetry)
{
    // The meter and the activity source are both named "WebhookKit"; the receive span is a child of the
    // request span from "Microsoft.AspNetCore", so that source is sampled too.
    builder.Services.AddOpenTelemetry()
        .WithMetrics(metrics => metrics.AddMeter("WebhookKit").AddConsoleExporter())
        .WithTracing(tracing => tracing.AddSource("Microsoft.AspNetCore", "WebhookKit").AddConsoleExporter());
}

builder.Services.AddSingleton<DemoLedger>();
builder.Services.AddWebhooks()          // Webhooks:* options, validated at startup
    .AddGitHub()                        // POST /webhooks/github, secrets from Webhooks:GitHub:Secrets
    .AddStripe()                        // POST /webhooks/stripe, secrets from Webhooks:Stripe:Secrets
    .AddGitLab()                        // POST /webhooks/gitlab, Webhooks:GitLab:Secrets and :SigningTokens
    .AddHandler<GitHubPushHandler>()
    .AddHandler<GitHubPingHandler>()
    .AddHandler<StripeWebhookHandler>()
    .AddHandler<GitLabPushHandler>()
    .AddDashboard();                    // the operators' page; see MapWebhookDashboard below

builder.Services.AddHealthChecks().AddWebhookKit();

var app = builder.Build();
app.MapWebhooks();

// In Development (the demo) the dashboard is open; anywhere else it answers 403 until a policy is attached, e.g.
// .RequireAuthorization("ops") with the app's authentication.
app.MapWebhookDashboard("/webhooks/dashboard");
app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });

if (demo)
{
    return await DemoRunner.RunAsync(app, keep);
}

await app.RunAsync();
return 0;
