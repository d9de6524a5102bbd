using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookKit.StandardWebhooks;

namespace WebhookKit.Tests.Providers.StandardWebhooks;

/// <summary>
/// The Standard Webhooks known-answer vector (from the specification's library tests), through
/// <c>AddStandardWebhooks</c>: <c>webhook-*</c> and Svix's <c>svix-*</c> header names, rotation, tolerance, bad input.
/// </summary>
public sealed class StandardWebhooksProviderTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private const string OtherSecret = "whsec_b3RoZXItc2VjcmV0LWZvci1yb3RhdGlvbi10ZXN0cw==";
    private static readonly byte[] VectorBody = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");
    private static readonly byte[] TypedBody = Encoding.UTF8.GetBytes("""{"type":"user.created","timestamp":"2021-02-25T15:02:10Z","data":{"id":"u_1"}}""");

    private static ReceiverHarness Create(long now = Timestamp, params string[] secrets) =>
        ReceiverHarness.Create(
            "standardwebhooks",
            webhooks => webhooks.AddStandardWebhooks(o =>
            {
                foreach (var secret in secrets.Length == 0 ? [Secret] : secrets)
                {
                    o.Secrets.Add(secret);
                }
            }),
            now);

    private static WebhookRequest Request(byte[] body, string signature, string prefix = "webhook", string id = MessageId, long timestamp = Timestamp) =>
        ReceiverHarness.Request(
            body,
            headers: [($"{prefix}-id", id), ($"{prefix}-timestamp", timestamp.ToString(CultureInfo.InvariantCulture)), ($"{prefix}-signature", signature)]);

    private static string Sign(string secret, byte[] body, string id = MessageId, long timestamp = Timestamp)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    [Theory]
    [InlineData("webhook")]
    [InlineData("svix")]
    public void Read_SpecificationVector_PassesVerificationAndIsRefusedOnlyForItsMissingType(string headerPrefix)
    {
        using var receiver = Create();

        var result = receiver.Read(Request(VectorBody, Signature, headerPrefix));

        // The vector's body has no "type"; a wrong signature would be 401, so 400 proves the signature was accepted.
        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
        result.FailureReason.Should().Contain("event type");
    }

    [Fact]
    public void Read_SpecificationVectorWithTamperedBody_IsUnauthorizedWhileTheOriginalPasses()
    {
        using var receiver = Create();

        var tampered = receiver.Read(Request(Encoding.UTF8.GetBytes("""{"test": 2432232315}"""), Signature));
        var original = receiver.Read(Request(VectorBody, Signature));

        tampered.Status.Should().Be(WebhookProviderStatus.Unauthorized);
        original.Status.Should().NotBe(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("webhook")]
    [InlineData("svix")]
    public void Read_SignedTypedBody_IsAcceptedWithWebhookIdAndType(string headerPrefix)
    {
        using var receiver = Create();

        var result = receiver.Read(Request(TypedBody, Sign(Secret, TypedBody), headerPrefix));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be(MessageId);
        result.EventType.Should().Be("user.created");
        result.Payload.Should().BeNull("the payload is the body");
    }

    [Fact]
    public void Read_CustomEventTypeProperty_IsRead()
    {
        using var receiver = ReceiverHarness.Create(
            "svix-app",
            webhooks => webhooks.AddStandardWebhooks("svix-app", o =>
            {
                o.Secrets.Add(Secret);
                o.EventTypeProperty = "eventType";
            }),
            Timestamp);
        var body = Encoding.UTF8.GetBytes("""{"eventType":"invoice.paid","type":"ignored"}""");

        var result = receiver.Read(Request(body, Sign(Secret, body)));

        result.EventType.Should().Be("invoice.paid");
    }

    [Fact]
    public void Read_SeveralEntriesWithUnknownVersions_IsAcceptedWhenOneV1Matches()
    {
        using var receiver = Create();
        var header = $"v1a,c29tZXRoaW5nIGVsc2U= v2,abc v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= {Sign(Secret, TypedBody)}";

        var result = receiver.Read(Request(TypedBody, header));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Fact]
    public void Read_OnlyAnEd25519Entry_IsUnauthorized()
    {
        using var receiver = Create();

        var result = receiver.Read(Request(TypedBody, "v1a,c29tZXRoaW5nIGVsc2U="));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized, "v1a (ed25519) is not verified, so it proves nothing");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_RotatingSecrets_AcceptsEither(bool signWithNew)
    {
        using var receiver = Create(Timestamp, Secret, OtherSecret);

        var result = receiver.Read(Request(TypedBody, Sign(signWithNew ? OtherSecret : Secret, TypedBody)));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Fact]
    public void Read_SenderSigningWithOldAndNewSecret_IsAcceptedByReceiverKnowingOnlyTheNew()
    {
        using var receiver = Create(Timestamp, OtherSecret);
        var header = $"{Sign(Secret, TypedBody)} {Sign(OtherSecret, TypedBody)}";

        var result = receiver.Read(Request(TypedBody, header));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Theory]
    [InlineData(300, WebhookProviderStatus.Accepted)]
    [InlineData(-300, WebhookProviderStatus.Accepted)]
    [InlineData(301, WebhookProviderStatus.Unauthorized)]
    [InlineData(-301, WebhookProviderStatus.Unauthorized)]
    public void Read_TimestampAtAndBeyondTolerance_IsJudgedInBothDirections(long clockOffsetSeconds, WebhookProviderStatus expected)
    {
        using var receiver = Create(Timestamp + clockOffsetSeconds);

        var result = receiver.Read(Request(TypedBody, Sign(Secret, TypedBody)));

        result.Status.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1,")]
    [InlineData("v1")]
    [InlineData("v1,not-base64!!")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1O")]
    [InlineData("V1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    public void Read_MalformedOrWrongSignature_IsUnauthorized(string signature)
    {
        using var receiver = Create();

        var result = receiver.Read(Request(VectorBody, signature));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
        result.FailureReason.Should().NotContain(Secret).And.NotContain("g0hM9SsE");
    }

    [Fact]
    public void Read_NoSignatureHeaders_IsUnauthorized()
    {
        using var receiver = Create();

        var result = receiver.Read(ReceiverHarness.Request(TypedBody, headers: [("webhook-id", MessageId), ("webhook-timestamp", "1614265330")]));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("webhook-id")]
    [InlineData("webhook-timestamp")]
    public void Read_MissingSignedHeader_IsUnauthorized(string missing)
    {
        using var receiver = Create();
        var request = Request(TypedBody, Sign(Secret, TypedBody));
        request.Headers.Remove(missing);

        receiver.Read(request).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1614265330")]
    [InlineData("1614265330.5")]
    [InlineData("99999999999999999999999")]
    public void Read_NonNumericTimestamp_IsUnauthorized(string timestamp)
    {
        using var receiver = Create();
        var request = Request(TypedBody, Sign(Secret, TypedBody));
        request.Headers["webhook-timestamp"] = timestamp;

        receiver.Read(request).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_RepeatedSignatureHeader_IsUnauthorized()
    {
        using var receiver = Create();
        var request = Request(TypedBody, Sign(Secret, TypedBody));
        request.Headers["webhook-signature"] = new Microsoft.Extensions.Primitives.StringValues([Sign(Secret, TypedBody), Sign(Secret, TypedBody)]);

        receiver.Read(request).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_OverLongId_IsUnauthorizedNotAnException()
    {
        using var receiver = Create();
        var id = new string('a', 10_000);

        var result = receiver.Read(Request(TypedBody, Sign(Secret, TypedBody, id), id: id));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("""{"type":1}""")]
    [InlineData("""{"data":{"type":"nested"}}""")]
    [InlineData("""[{"type":"user.created"}]""")]
    [InlineData("{\"type\":\"user.created\"")]
    [InlineData("not json")]
    public void Read_SignedBodyWithoutTopLevelStringType_IsBadRequest(string json)
    {
        using var receiver = Create();
        var body = Encoding.UTF8.GetBytes(json);

        receiver.Read(Request(body, Sign(Secret, body))).Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Theory]
    [InlineData("Webhooks:standardwebhooks:Secrets:0", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "Webhooks:standardwebhooks:Secrets:0")]
    [InlineData("Webhooks:standardwebhooks:Secrets:0", "whsec_***", "Webhooks:standardwebhooks:Secrets:0")]
    [InlineData("Webhooks:standardwebhooks:Tolerance", "00:00:00", "Webhooks:standardwebhooks:Tolerance")]
    [InlineData("Webhooks:standardwebhooks:EventTypeProperty", " ", "Webhooks:standardwebhooks:EventTypeProperty")]
    public void AddStandardWebhooks_InvalidConfiguration_FailsAtStartupNamingTheKey(string key, string value, string expectedKey)
    {
        var configuration = key.EndsWith("Secrets:0", StringComparison.Ordinal) ? [(key, value)] : new[] { ("Webhooks:standardwebhooks:Secrets:0", Secret), (key, value) };

        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddStandardWebhooks(), configuration);

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("'standardwebhooks'").And.Contain(expectedKey);
    }

    [Fact]
    public void AddStandardWebhooks_NoSecret_FailsAtStartup()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddStandardWebhooks());

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("Webhooks:standardwebhooks:Secrets");
    }

    [Fact]
    public void AddStandardWebhooks_ConfigurationSection_IsBoundCaseInsensitively()
    {
        using var receiver = ReceiverHarness.Create("standardwebhooks", webhooks => webhooks.AddStandardWebhooks(), Timestamp, ("Webhooks:StandardWebhooks:Secrets:0", Secret));

        receiver.Read(Request(TypedBody, Sign(Secret, TypedBody))).Status.Should().Be(WebhookProviderStatus.Accepted);
        receiver.Provider.Name.Should().Be("standardwebhooks");
    }
}
