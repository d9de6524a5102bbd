using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Bitbucket;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.Hmac;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Paddle;
using WebhookKit.Razorpay;
using WebhookKit.SharedToken;
using WebhookKit.Mailgun;
using WebhookKit.SendGrid;
using WebhookKit.Shopify;
using WebhookKit.Slack;
using WebhookKit.StandardWebhooks;
using WebhookKit.Stripe;
using WebhookKit.Twilio;

namespace WebhookKit.IntegrationTests.Security;

/// <summary>One real Kestrel host with every provider's receiver (secrets of <see cref="BadInputCorpus"/>), shared by the corpus.</summary>
public sealed class BadInputCorpusFixture : IAsyncLifetime
{
    public HandlerProbe Probe { get; } = new();

    public WebhookTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await WebhookTestHost.StartAsync(
            webhooks => webhooks
                .AddGitHub(o => o.Secrets.Add(BadInputCorpus.GitHubSecret))
                .AddStripe(o => o.Secrets.Add(BadInputCorpus.StripeSecret))
                .AddGitLab(o => o.Secrets.Add(BadInputCorpus.GitLabToken))
                .AddGitLab("gitlab-signed", o => o.SigningTokens.Add(BadInputCorpus.GitLabSigningToken))
                .AddStandardWebhooks(o => o.Secrets.Add(BadInputCorpus.SigningToken))
                .AddStandardWebhooks("svix", o => o.Secrets.Add(BadInputCorpus.SigningToken))
                .AddSlack(o => o.Secrets.Add(BadInputCorpus.SlackSecret))
                .AddShopify(o => o.Secrets.Add(BadInputCorpus.ShopifySecret))
                .AddTwilio(o =>
                {
                    o.Secrets.Add(BadInputCorpus.TwilioToken);
                    o.PublicBaseUrl = BadInputCorpus.TwilioPublicBaseUrl;
                })
                .AddHmac("billing", o =>
                {
                    o.Secrets.Add(BadInputCorpus.BillingSecret);
                    o.SignatureHeader = "X-Billing-Signature";
                    o.SignaturePrefix = "sha256=";
                    o.TimestampHeader = "X-Billing-Timestamp";
                    o.EventIdProperty = "id";
                    o.EventTypeProperty = "type";
                })
                .AddRazorpay(o => o.Secrets.Add(BadInputCorpus.RazorpaySecret))
                .AddHandler<RecordingHandler<RazorpayEvent>>()
                .AddPaddle(o => o.Secrets.Add(BadInputCorpus.PaddleSecret))
                .AddHandler<RecordingHandler<PaddleEvent>>()
                .AddBitbucket(o => o.Secrets.Add(BadInputCorpus.BitbucketSecret))
                .AddHandler<RecordingHandler<BitbucketEvent>>()
                .AddSharedToken("zapier", o =>
                {
                    o.Secrets.Add(BadInputCorpus.SharedToken);
                    o.EventIdHeader = "X-Request-Id";
                })
                .AddHandler<RecordingHandler<SharedTokenEvent>>()
                .AddPayPal(BadInputCorpus.PayPalSigner.ConfigureReceiver)
                .AddHandler<RecordingHandler<WebhookKit.PayPal.PayPalEvent>>()
                .AddSendGrid(o => o.PublicKeys.Add(BadInputCorpus.SendGridPublicKey))
                .AddHandler<RecordingHandler<SendGridEventBatch>>()
                .AddMailgun(o => o.Secrets.Add(BadInputCorpus.MailgunKey))
                .AddHandler<RecordingHandler<MailgunWebhook>>()
                .AddHandler<RecordingHandler<MailgunInboundMessage>>()
                .AddHandler<RecordingHandler<GitHubPushEvent>>()
                .AddHandler<RecordingHandler<StripeEvent>>()
                .AddHandler<RecordingHandler<GitLabPushEvent>>()
                .AddHandler<RecordingHandler<StandardWebhooksEvent>>()
                .AddHandler<RecordingHandler<SlackEventEnvelope>>()
                .AddHandler<RecordingHandler<ShopifyOrder>>()
                .AddHandler<RecordingHandler<TwilioEvent>>()
                .AddHandler<RecordingHandler<HmacEvent>>(),
            services =>
            {
                services.AddSingleton(Probe);
                services.AddPayPalTestCertificates(BadInputCorpus.PayPalSigner);
                services.Configure<WebhookOptions>(o => o.MaxBodyBytes = BadInputCorpus.MaxBodyBytes);
            });
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
