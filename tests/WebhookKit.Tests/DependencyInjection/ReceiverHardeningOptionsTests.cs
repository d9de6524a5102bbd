using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookKit.Tests.Providers;

namespace WebhookKit.Tests.DependencyInjection;

/// <summary>
/// Startup validation of the options every receiver shares: secrets of at least 16 bytes unless explicitly allowed,
/// and allowed IP ranges that parse. Each message names the receiver and the configuration key, never the secret.
/// </summary>
public sealed class ReceiverHardeningOptionsTests
{
    private const string ShortSecret = "short-secret-15";

    // sendgrid-csharp's RequestValidatorTests key, a valid P-256 public key.
    private const string SendGridPublicKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";

    public static TheoryData<string, Action<IWebhooksBuilder>, string> ShortSecretReceivers => new()
    {
        { "github", webhooks => webhooks.AddGitHub(o => o.Secrets.Add(ShortSecret)), "Webhooks:github:Secrets:0" },
        { "stripe", webhooks => webhooks.AddStripe(o => o.Secrets.Add("whsec_012345678")), "Webhooks:stripe:Secrets:0" },
        { "slack", webhooks => webhooks.AddSlack(o => o.Secrets.Add(ShortSecret)), "Webhooks:slack:Secrets:0" },
        { "shopify", webhooks => webhooks.AddShopify(o => o.Secrets.Add("hush")), "Webhooks:shopify:Secrets:0" },
        { "twilio", webhooks => webhooks.AddTwilio(o => o.Secrets.Add("12345")), "Webhooks:twilio:Secrets:0" },
        { "gitlab", webhooks => webhooks.AddGitLab(o => o.Secrets.Add(ShortSecret)), "Webhooks:gitlab:Secrets:0" },
        { "gitlab", webhooks => webhooks.AddGitLab(o => o.SigningTokens.Add("whsec_" + Convert.ToBase64String(new byte[15]))), "Webhooks:gitlab:SigningTokens:0" },
        { "standardwebhooks", webhooks => webhooks.AddStandardWebhooks(o => o.Secrets.Add("whsec_" + Convert.ToBase64String(new byte[15]))), "Webhooks:standardwebhooks:Secrets:0" },
        { "billing", webhooks => webhooks.AddHmac("billing", o => Hmac(o, ShortSecret)), "Webhooks:billing:Secrets:0" },
    };

    [Theory]
    [MemberData(nameof(ShortSecretReceivers))]
    public void Add_SecretShorterThan16Bytes_FailsAtStartupNamingReceiverAndKeyButNotTheSecret(string receiver, Action<IWebhooksBuilder> configure, string key)
    {
        var failure = ReceiverHarness.StartupFailure(configure);

        var message = failure.Should().BeOfType<OptionsValidationException>().Which.Message;
        message.Should().Contain($"'{receiver}'").And.Contain(key).And.Contain("AllowShortSecrets").And.Contain("16 bytes");
        message.Should().NotContain(ShortSecret).And.NotContain("hush").And.NotContain("12345'").And.NotContain("whsec_0");
    }

    public static TheoryData<string, Action<IWebhooksBuilder>> ZeroBodyLimitReceivers => new()
    {
        { "github", webhooks => webhooks.AddGitHub(o => { o.Secrets.Add("github-secret-0123456"); o.MaxBodyBytes = 0; }) },
        { "gitlab", webhooks => webhooks.AddGitLab(o => { o.Secrets.Add("gitlab-token-0123456"); o.MaxBodyBytes = 0; }) },
        { "sendgrid", webhooks => webhooks.AddSendGrid(o => { o.PublicKeys.Add(SendGridPublicKey); o.MaxBodyBytes = -1; }) },
        { "paypal", webhooks => webhooks.AddPayPal(o => { o.WebhookId = "1JE4291016473214C"; o.MaxBodyBytes = 0; }) },
        { "stripe", webhooks => webhooks.AddStripe(o => { o.Secrets.Add("whsec_0123456789abcdef"); o.MaxBodyBytes = 0; }) },
    };

    /// <summary>A receiver whose own validation checks its credentials still gets the rules every receiver shares.</summary>
    [Theory]
    [MemberData(nameof(ZeroBodyLimitReceivers))]
    public void Add_BodyLimitNotAboveZero_FailsAtStartupNamingReceiverAndKey(string receiver, Action<IWebhooksBuilder> configure)
    {
        var failure = ReceiverHarness.StartupFailure(configure);

        failure.Should().BeOfType<OptionsValidationException>().Which.Message
            .Should().Contain($"'{receiver}'").And.Contain($"Webhooks:{receiver}:MaxBodyBytes").And.Contain("more than zero");
    }

    [Fact]
    public void Add_ShortSecretWithAllowShortSecrets_Starts()
    {
        var failure = ReceiverHarness.StartupFailure(
            webhooks => webhooks.AddShopify("shopify", null),
            ("Webhooks:Shopify:Secrets:0", "hush"),
            ("Webhooks:Shopify:AllowShortSecrets", "true"));

        failure.Should().BeNull();
    }

    [Fact]
    public void Add_SecretOfExactly16Bytes_Starts()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddGitHub(o => o.Secrets.Add("0123456789abcdef")));

        failure.Should().BeNull();
    }

    [Fact]
    public void Add_StandardWebhooksSecretDecodingTo16Bytes_Starts()
    {
        // The key is the base64 after whsec_: 16 decoded bytes are enough, whatever the length of the text.
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddStandardWebhooks(o => o.Secrets.Add("whsec_" + Convert.ToBase64String(new byte[16]))));

        failure.Should().BeNull();
    }

    [Theory]
    [InlineData("192.30.252.0/22")]
    [InlineData("2606:50c0::/32")]
    [InlineData("203.0.113.7")]
    [InlineData("::1")]
    [InlineData(" 10.0.0.0/8 ")]
    public void Add_ValidAllowedIpRange_Starts(string range)
    {
        var failure = ReceiverHarness.StartupFailure(
            webhooks => webhooks.AddGitHub("github", null),
            ("Webhooks:GitHub:Secrets:0", "a-github-secret-0123456789"),
            ("Webhooks:GitHub:AllowedIpRanges:0", range));

        failure.Should().BeNull();
    }

    [Theory]
    [InlineData("192.30.252.1/22")]     // host bits set
    [InlineData("10.0.0.0/33")]
    [InlineData("not-an-address")]
    [InlineData("10.0.0.0/")]
    [InlineData("")]
    public void Add_InvalidAllowedIpRange_FailsAtStartupNamingReceiverAndKey(string range)
    {
        var failure = ReceiverHarness.StartupFailure(
            webhooks => webhooks.AddGitLab("ops", null),
            ("Webhooks:ops:Secrets:0", "a-gitlab-token-0123456789"),
            ("Webhooks:ops:AllowedIpRanges:0", "10.0.0.0/8"),
            ("Webhooks:ops:AllowedIpRanges:1", range));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message
            .Should().Contain("'ops'").And.Contain("Webhooks:ops:AllowedIpRanges:1").And.NotContain("AllowedIpRanges:0");
    }

    [Theory]
    [InlineData("10.0.0.1/8")]
    [InlineData("not-an-address")]
    public void AddReceiver_InvalidAllowedIpRangeInConfiguration_FailsAtStartupNamingReceiverAndKey(string range)
    {
        // A receiver of the application's own binds the transport guards from Webhooks:{receiver} too.
        var failure = ReceiverHarness.StartupFailure(
            webhooks => webhooks.AddReceiver("acme", _ => new RefusingProvider()),
            ("Webhooks:acme:AllowedIpRanges:0", range));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message
            .Should().Contain("'acme'").And.Contain("Webhooks:acme:AllowedIpRanges:0");
    }

    private static void Hmac(WebhookKit.Hmac.HmacWebhookOptions options, string secret)
    {
        options.Secrets.Add(secret);
        options.SignatureHeader = "X-Signature";
        options.EventIdHeader = "X-Id";
        options.EventTypeHeader = "X-Type";
    }

    /// <summary>A provider of the application's own; these tests never send it a request.</summary>
    private sealed class RefusingProvider : IWebhookProvider
    {
        public string Name => "acme";

        public IReadOnlyList<string> ForwardedHeaders => [];

        public WebhookProviderResult Read(WebhookRequest request) => WebhookProviderResult.Unauthorized("never verified");
    }
}
