using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WebhookKit.Tests.Providers.Slack;

/// <summary>
/// Slack's "Verifying requests from Slack" vector through <c>AddSlack</c>, and the three kinds of
/// request Slack sends to one URL: Events API JSON (with the url_verification handshake), slash commands, interactivity.
/// </summary>
public sealed class SlackWebhookProviderTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const long Timestamp = 1531420618;
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string TriggerId = "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Form = "application/x-www-form-urlencoded";
    private static readonly byte[] VectorBody = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    private static readonly byte[] EventBody = Encoding.UTF8.GetBytes(
        """{"token":"XXYYZZ","team_id":"T123ABC456","api_app_id":"A123ABC456","event":{"type":"app_mention","user":"U123ABC456","text":"<@U0LAN0Z89> is it everything a river should be?","ts":"1515449522.000016","channel":"C123ABC456","event_ts":"1515449522000016"},"type":"event_callback","event_id":"Ev123ABC456","event_time":1515449522000016}""");

    private static ReceiverHarness Create(long now = Timestamp, params string[] secrets) =>
        ReceiverHarness.Create(
            "slack",
            webhooks => webhooks.AddSlack(o =>
            {
                foreach (var secret in secrets.Length == 0 ? [Secret] : secrets)
                {
                    o.Secrets.Add(secret);
                }
            }),
            now);

    private static WebhookRequest Request(byte[] body, string signature, string contentType = Form, long timestamp = Timestamp) =>
        ReceiverHarness.Request(
            body,
            contentType,
            headers: [("X-Slack-Request-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture)), ("X-Slack-Signature", signature), ("X-Slack-Retry-Num", "1")]);

    private static string Sign(string secret, byte[] body, long timestamp = Timestamp) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray()));

    [Fact]
    public void Read_DocumentationVector_IsAcceptedAsSlashCommandIdentifiedByTriggerId()
    {
        using var receiver = Create();

        var result = receiver.Read(Request(VectorBody, Signature));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be(TriggerId);
        result.EventType.Should().Be("slash_command");
        using var payload = JsonDocument.Parse(result.Payload);
        payload.RootElement.GetProperty("command").GetString().Should().Be("/webhook-collect");
        payload.RootElement.GetProperty("response_url").GetString().Should().StartWith("https://hooks.slack.com/commands/");
        payload.RootElement.GetProperty("text").GetString().Should().BeEmpty();
    }

    [Fact]
    public void Read_DocumentationVectorWithUppercaseHex_IsAccepted()
    {
        using var receiver = Create();

        var result = receiver.Read(Request(VectorBody, "v0=" + Signature[3..].ToUpperInvariant()));

        result.Status.Should().Be(WebhookProviderStatus.Accepted, "the comparison is over decoded bytes");
    }

    [Theory]
    [InlineData(300, WebhookProviderStatus.Accepted)]
    [InlineData(-300, WebhookProviderStatus.Accepted)]
    [InlineData(301, WebhookProviderStatus.Unauthorized)]
    [InlineData(-301, WebhookProviderStatus.Unauthorized)]
    public void Read_TimestampAtAndBeyondTolerance_IsJudgedInBothDirections(long clockOffsetSeconds, WebhookProviderStatus expected)
    {
        using var receiver = Create(Timestamp + clockOffsetSeconds);

        receiver.Read(Request(VectorBody, Signature)).Status.Should().Be(expected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_RotatingSigningSecrets_AcceptsEither(bool vectorSecretFirst)
    {
        const string other = "another-signing-secret-0123456789";
        using var receiver = vectorSecretFirst ? Create(Timestamp, Secret, other) : Create(Timestamp, other, Secret);

        receiver.Read(Request(VectorBody, Signature)).Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504")]
    [InlineData("v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Read_MalformedOrWrongSignature_IsUnauthorized(string signature)
    {
        using var receiver = Create();

        var result = receiver.Read(Request(VectorBody, signature));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
        result.FailureReason.Should().NotContain(Secret).And.NotContain("a2114d57");
    }

    [Fact]
    public void Read_SignatureOfAnotherTimestamp_IsUnauthorized()
    {
        using var receiver = Create();

        receiver.Read(Request(VectorBody, Signature, timestamp: Timestamp + 1)).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("X-Slack-Signature")]
    [InlineData("X-Slack-Request-Timestamp")]
    public void Read_MissingHeader_IsUnauthorized(string missing)
    {
        using var receiver = Create();
        var request = Request(VectorBody, Signature);
        request.Headers.Remove(missing);

        receiver.Read(request).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1531420618")]
    [InlineData("99999999999999999999999")]
    public void Read_NonNumericTimestamp_IsUnauthorized(string timestamp)
    {
        using var receiver = Create();
        var request = Request(VectorBody, Signature);
        request.Headers["X-Slack-Request-Timestamp"] = timestamp;

        receiver.Read(request).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_EventCallback_IsAcceptedWithEventIdAndInnerType()
    {
        using var receiver = Create();

        var result = receiver.Read(Request(EventBody, Sign(Secret, EventBody), "application/json"));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be("Ev123ABC456");
        result.EventType.Should().Be("app_mention");
        result.Payload.Should().BeNull("the JSON body is the payload");
    }

    [Fact]
    public void Read_UrlVerification_IsAnsweredWithTheChallengeAndNotAccepted()
    {
        using var receiver = Create();
        var body = Encoding.UTF8.GetBytes("""{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");

        var result = receiver.Read(Request(body, Sign(Secret, body), "application/json"));

        result.Status.Should().Be(WebhookProviderStatus.Respond);
        Encoding.UTF8.GetString(result.ResponseBody.Span).Should().Be("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
        result.ResponseContentType.Should().StartWith("text/plain");
        result.EventId.Should().BeNull();
    }

    [Fact]
    public void Read_UnsignedUrlVerification_IsUnauthorized()
    {
        using var receiver = Create();
        var body = Encoding.UTF8.GetBytes("""{"challenge":"abc","type":"url_verification"}""");

        receiver.Read(Request(body, Sign("not-the-secret", body), "application/json")).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_AppRateLimitedWithoutEventId_IsAcceptedWithAnIdFromItsContent()
    {
        using var receiver = Create();
        var body = Encoding.UTF8.GetBytes("""{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","type":"app_rate_limited","team_id":"T123456","minute_rate_limited":1518467820,"api_app_id":"A123456"}""");

        var first = receiver.Read(Request(body, Sign(Secret, body), "application/json"));
        var retry = receiver.Read(Request(body, Sign(Secret, body), "application/json"));

        first.Status.Should().Be(WebhookProviderStatus.Accepted);
        first.EventType.Should().Be("app_rate_limited");
        first.EventId.Should().HaveLength(64).And.Be(retry.EventId);
    }

    [Fact]
    public void Read_Interaction_IsAcceptedWithTriggerIdTypeAndThePayloadField()
    {
        using var receiver = Create();
        const string json = """{"type":"block_actions","trigger_id":"12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3","team":{"id":"T9TK3CUKW","domain":"example"},"user":{"id":"UA8RXUSPL","username":"jtorrance"},"actions":[{"action_id":"WaXA","type":"button"}]}""";
        var body = Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(json));

        var result = receiver.Read(Request(body, Sign(Secret, body)));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be("12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3");
        result.EventType.Should().Be("block_actions");
        Encoding.UTF8.GetString(result.Payload!).Should().Be(json);
    }

    [Fact]
    public void Read_SslCheck_IsAnsweredEmptyAndNotAccepted()
    {
        using var receiver = Create();
        var body = Encoding.UTF8.GetBytes("ssl_check=1&token=xyzz0WbapA4vBCDEFasx0q6G");

        var result = receiver.Read(Request(body, Sign(Secret, body)));

        result.Status.Should().Be(WebhookProviderStatus.Respond);
        result.ResponseBody.IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData("application/json", """{"event_id":"Ev1"}""")]
    [InlineData("application/json", """{"type":"event_callback","event":{"type":"message"}}""")]
    [InlineData("application/json", """{"type":"event_callback","event_id":"Ev1","event":{"subtype":"x"}}""")]
    [InlineData("application/json", """{"type":"url_verification"}""")]
    [InlineData("application/json", "not json")]
    [InlineData(Form, "team_id=T1&text=hello")]
    [InlineData(Form, "payload=%7B%22trigger_id%22%3A%221%22%7D")]
    [InlineData(Form, "payload=not-json")]
    [InlineData(Form, "command=%ZZ")]
    public void Read_SignedButUnidentifiable_IsBadRequest(string contentType, string text)
    {
        using var receiver = Create();
        var body = Encoding.UTF8.GetBytes(text);

        receiver.Read(Request(body, Sign(Secret, body), contentType)).Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void ForwardedHeaders_IncludeRetryNumber()
    {
        using var receiver = Create();

        receiver.Provider.ForwardedHeaders.Should().Contain("X-Slack-Retry-Num").And.NotContain("X-Slack-Signature");
    }

    [Fact]
    public void AddSlack_ToleranceOutOfRange_FailsAtStartupNamingTheKey()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddSlack("team-a", o =>
        {
            o.Secrets.Add(Secret);
            o.Tolerance = TimeSpan.FromDays(2);
        }));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("'team-a'").And.Contain("Webhooks:team-a:Tolerance");
    }

    [Fact]
    public void AddSlack_NoSecret_FailsAtStartupNamingTheKey()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddSlack());

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("Webhooks:slack:Secrets:0");
    }
}
