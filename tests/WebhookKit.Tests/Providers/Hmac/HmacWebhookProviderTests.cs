using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookKit.Hmac;

namespace WebhookKit.Tests.Providers.Hmac;

/// <summary>
/// The generic HMAC receiver through <c>AddHmac</c>: the GitHub, Slack and Shopify known answers
/// expressed as configuration, every algorithm and encoding, timestamps, ids and types from headers or the body,
/// rotation, bad input and startup validation.
/// </summary>
public sealed class HmacWebhookProviderTests
{
    private const string Receiver = "inhouse";

    private static ReceiverHarness Create(Action<HmacWebhookOptions> configure, long? now = null) =>
        ReceiverHarness.Create(Receiver, webhooks => webhooks.AddHmac(Receiver, configure), now);

    private static WebhookRequest Request(string body, params (string Name, string Value)[] headers) =>
        ReceiverHarness.Request(Encoding.UTF8.GetBytes(body), headers: headers);

    private static void GitHubLike(HmacWebhookOptions o)
    {
        o.Secrets.Add("It's a Secret to Everybody");
        o.SignatureHeader = "X-Hub-Signature-256";
        o.SignaturePrefix = "sha256=";
        o.EventIdHeader = "X-GitHub-Delivery";
        o.EventTypeHeader = "X-GitHub-Event";
    }

    [Fact]
    public void Read_GitHubVectorAsConfiguration_IsAccepted()
    {
        using var receiver = Create(GitHubLike);

        var result = receiver.Read(Request(
            "Hello, World!",
            ("X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"),
            ("X-GitHub-Delivery", "d-1"),
            ("X-GitHub-Event", "push")));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be("d-1");
        result.EventType.Should().Be("push");
    }

    [Fact]
    public void Read_GitHubLegacySha1VectorAsConfiguration_IsAccepted()
    {
        using var receiver = Create(o =>
        {
            GitHubLike(o);
            o.SignatureHeader = "X-Hub-Signature";
            o.SignaturePrefix = "sha1=";
            o.Algorithm = HmacSignatureAlgorithm.Sha1;
        });

        var result = receiver.Read(Request(
            "Hello, World!",
            ("X-Hub-Signature", "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59"),
            ("X-GitHub-Delivery", "d-1"),
            ("X-GitHub-Event", "push")));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Fact]
    public void Read_SlackVectorAsSignedContentTemplate_IsAccepted()
    {
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        using var receiver = Create(
            o =>
            {
                o.Secrets.Add("8f742231b10e8888abcd99yyyzzz85a5");
                o.SignatureHeader = "X-Slack-Signature";
                o.SignaturePrefix = "v0=";
                o.TimestampHeader = "X-Slack-Request-Timestamp";
                o.SignedContent = "v0:{timestamp}:{body}";
                o.EventIdHeader = "X-Request-Id";
                o.EventTypeHeader = "X-Kind";
            },
            now: 1531420618);

        var result = receiver.Read(Request(
            body,
            ("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"),
            ("X-Slack-Request-Timestamp", "1531420618"),
            ("X-Request-Id", "r-1"),
            ("X-Kind", "command")));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Fact]
    public void Read_ShopifyVectorAsBase64Configuration_IsAcceptedWithIdFromANumericProperty()
    {
        using var receiver = Create(o =>
        {
            o.Secrets.Add("hush");
            o.AllowShortSecrets = true; // Shopify's published vector uses a 4-byte secret.
            o.SignatureHeader = "X-Shopify-Hmac-Sha256";
            o.SignatureEncoding = HmacSignatureEncoding.Base64;
            o.EventIdProperty = "id";
            o.EventTypeHeader = "X-Shopify-Topic";
        });

        var result = receiver.Read(Request("""{"id":1}""", ("X-Shopify-Hmac-Sha256", "VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY="), ("X-Shopify-Topic", "orders/create")));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be("1");
        result.EventType.Should().Be("orders/create");
    }

    [Fact]
    public void Read_Sha512Base64WithIdAndTimestampInTheSignedContent_IsAccepted()
    {
        const long now = 1_700_000_000;
        const string body = """{"type":"invoice.paid","data":{"amount":10}}""";
        using var receiver = Create(
            o =>
            {
                o.Secrets.Add("s3cret-hmac-key-0123456789");
                o.SignatureHeader = "X-Signature";
                o.Algorithm = HmacSignatureAlgorithm.Sha512;
                o.SignatureEncoding = HmacSignatureEncoding.Base64;
                o.TimestampHeader = "X-Timestamp";
                o.SignedContent = "{id}.{timestamp}.{body}";
                o.EventIdHeader = "X-Event-Id";
                o.EventTypeProperty = "type";
            },
            now);
        var signature = Convert.ToBase64String(HMACSHA512.HashData(Encoding.UTF8.GetBytes("s3cret-hmac-key-0123456789"), Encoding.UTF8.GetBytes($"evt-9.{now}.{body}")));

        var result = receiver.Read(Request(body, ("X-Signature", signature), ("X-Timestamp", now.ToString(CultureInfo.InvariantCulture)), ("X-Event-Id", "evt-9")));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be("evt-9");
        result.EventType.Should().Be("invoice.paid");
    }

    [Fact]
    public void Read_SignedIdHeaderSwapped_IsUnauthorized()
    {
        const long now = 1_700_000_000;
        const string body = """{"type":"t"}""";
        using var receiver = Create(
            o =>
            {
                o.Secrets.Add("s3cret-hmac-key-0123456789");
                o.SignatureHeader = "X-Signature";
                o.TimestampHeader = "X-Timestamp";
                o.SignedContent = "{id}.{timestamp}.{body}";
                o.EventIdHeader = "X-Event-Id";
                o.EventTypeProperty = "type";
            },
            now);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret-hmac-key-0123456789"), Encoding.UTF8.GetBytes($"evt-1.{now}.{body}")));

        var result = receiver.Read(Request(body, ("X-Signature", signature), ("X-Timestamp", "1700000000"), ("X-Event-Id", "evt-2")));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData(300, WebhookProviderStatus.Accepted)]
    [InlineData(-300, WebhookProviderStatus.Accepted)]
    [InlineData(301, WebhookProviderStatus.Unauthorized)]
    [InlineData(-301, WebhookProviderStatus.Unauthorized)]
    public void Read_TimestampAtAndBeyondTolerance_IsJudgedInBothDirections(long clockOffsetSeconds, WebhookProviderStatus expected)
    {
        const long signedAt = 1_700_000_000;
        const string body = """{"id":"e1","type":"t"}""";
        using var receiver = Create(
            o =>
            {
                o.Secrets.Add("s3cret-hmac-key-0123456789");
                o.SignatureHeader = "X-Signature";
                o.TimestampHeader = "X-Timestamp";
                o.EventIdProperty = "id";
                o.EventTypeProperty = "type";
            },
            signedAt + clockOffsetSeconds);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret-hmac-key-0123456789"), Encoding.UTF8.GetBytes($"{signedAt}.{body}")));

        var result = receiver.Read(Request(body, ("X-Signature", signature), ("X-Timestamp", "1700000000")));

        result.Status.Should().Be(expected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_RotatingSecrets_AcceptsEither(bool signWithNew)
    {
        using var receiver = Create(o =>
        {
            GitHubLike(o);
            o.Secrets.Add("the-new-secret-0123456789");
        });
        var secret = signWithNew ? "the-new-secret-0123456789" : "It's a Secret to Everybody";
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "Hello, World!"u8));

        var result = receiver.Read(Request("Hello, World!", ("X-Hub-Signature-256", signature), ("X-GitHub-Delivery", "d-1"), ("X-GitHub-Event", "push")));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("SHA256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18")]
    [InlineData("sha256=dXEH6g6yUJ/CESHM6YSbijdXC211hsIsRvQ3nJsEPhc=")]
    public void Read_MalformedOrWrongSignature_IsUnauthorized(string signature)
    {
        using var receiver = Create(GitHubLike);

        var result = receiver.Read(Request("Hello, World!", ("X-Hub-Signature-256", signature), ("X-GitHub-Delivery", "d-1"), ("X-GitHub-Event", "push")));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
        result.FailureReason.Should().NotContain("Secret").And.NotContain("757107ea");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("-1700000000")]
    [InlineData("99999999999999999999999")]
    public void Read_MissingOrNonNumericTimestamp_IsUnauthorized(string? timestamp)
    {
        using var receiver = Create(
            o =>
            {
                o.Secrets.Add("s3cret-hmac-key-0123456789");
                o.SignatureHeader = "X-Signature";
                o.TimestampHeader = "X-Timestamp";
                o.EventIdProperty = "id";
                o.EventTypeProperty = "type";
            },
            1_700_000_000);
        (string, string)[] headers = timestamp is null ? [("X-Signature", new string('0', 64))] : [("X-Signature", new string('0', 64)), ("X-Timestamp", timestamp)];

        receiver.Read(Request("{}", headers)).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("""{"type":"t"}""")]
    [InlineData("""{"id":"e1"}""")]
    [InlineData("""{"id":"","type":"t"}""")]
    [InlineData("""{"id":{"nested":1},"type":"t"}""")]
    [InlineData("not json")]
    public void Read_SignedBodyWithoutIdOrType_IsBadRequest(string body)
    {
        using var receiver = Create(o =>
        {
            o.Secrets.Add("s3cret-hmac-key-0123456789");
            o.SignatureHeader = "X-Signature";
            o.EventIdProperty = "id";
            o.EventTypeProperty = "type";
        });
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret-hmac-key-0123456789"), Encoding.UTF8.GetBytes(body)));

        receiver.Read(Request(body, ("X-Signature", signature))).Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void Read_SignedWithoutIdHeader_IsBadRequest()
    {
        using var receiver = Create(GitHubLike);

        var result = receiver.Read(Request("Hello, World!", ("X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"), ("X-GitHub-Event", "push")));

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void ForwardedHeaders_AreTheConfiguredIdTypeAndTimestampHeaders()
    {
        using var receiver = Create(GitHubLike);

        receiver.Provider.ForwardedHeaders.Should().Contain(["X-GitHub-Delivery", "X-GitHub-Event"]).And.NotContain("X-Hub-Signature-256");
        receiver.Provider.Name.Should().Be("hmac");
    }

    [Theory]
    [InlineData(null, "Webhooks:inhouse:SignatureHeader")]
    [InlineData("both-ids", "Webhooks:inhouse:EventIdHeader")]
    [InlineData("no-type", "Webhooks:inhouse:EventTypeProperty")]
    [InlineData("template-without-body", "Webhooks:inhouse:SignedContent")]
    [InlineData("template-unknown-placeholder", "Webhooks:inhouse:SignedContent")]
    [InlineData("timestamp-not-signed", "Webhooks:inhouse:TimestampHeader")]
    [InlineData("timestamp-placeholder-without-header", "Webhooks:inhouse:TimestampHeader")]
    [InlineData("id-placeholder-without-header", "Webhooks:inhouse:EventIdHeader")]
    [InlineData("tolerance", "Webhooks:inhouse:Tolerance")]
    [InlineData("algorithm", "Webhooks:inhouse:Algorithm")]
    public void AddHmac_InvalidOptions_FailAtStartupNamingReceiverAndKey(string? mistake, string expectedKey)
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddHmac(Receiver, o =>
        {
            o.Secrets.Add("s3cret-hmac-key-0123456789");
            o.SignatureHeader = mistake is null ? null : "X-Signature";
            o.EventIdProperty = "id";
            o.EventTypeProperty = "type";
            switch (mistake)
            {
                case "both-ids":
                    o.EventIdHeader = "X-Id";
                    break;
                case "no-type":
                    o.EventTypeProperty = null;
                    break;
                case "template-without-body":
                    o.SignedContent = "{body}.x";
                    break;
                case "template-unknown-placeholder":
                    o.SignedContent = "{nonce}.{body}";
                    break;
                case "timestamp-not-signed":
                    o.TimestampHeader = "X-Timestamp";
                    o.SignedContent = "{body}";
                    break;
                case "timestamp-placeholder-without-header":
                    o.SignedContent = "{timestamp}.{body}";
                    break;
                case "id-placeholder-without-header":
                    o.SignedContent = "{id}.{body}";
                    break;
                case "tolerance":
                    o.TimestampHeader = "X-Timestamp";
                    o.Tolerance = TimeSpan.Zero;
                    break;
                case "algorithm":
                    o.Algorithm = (HmacSignatureAlgorithm)42;
                    break;
            }
        }));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("'inhouse'").And.Contain(expectedKey);
    }

    [Fact]
    public void AddHmac_ConfigurationOnly_IsBoundFromItsSection()
    {
        using var receiver = ReceiverHarness.Create(
            "billing",
            webhooks => webhooks.AddHmac("billing", null),
            null,
            ("Webhooks:billing:Secrets:0", "It's a Secret to Everybody"),
            ("Webhooks:billing:SignatureHeader", "X-Sig"),
            ("Webhooks:billing:SignatureEncoding", "Hex"),
            ("Webhooks:billing:Algorithm", "Sha256"),
            ("Webhooks:billing:EventIdHeader", "X-Id"),
            ("Webhooks:billing:EventTypeHeader", "X-Type"));

        var result = receiver.Read(Request("Hello, World!", ("X-Sig", "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"), ("X-Id", "1"), ("X-Type", "ping")));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }
}
