using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookKit.Tests.Providers.GitLab;

/// <summary>
/// Issue #14 rows 4 and 5: with a signing token, a delivery that carries <c>webhook-signature</c> is judged by it alone
/// (no fall back to <c>X-Gitlab-Token</c>) and identified by the signed <c>webhook-id</c>; the unsigned
/// <c>Idempotency-Key</c> and <c>X-Gitlab-Event-UUID</c> identify only deliveries proved by their token.
/// </summary>
public sealed class GitLabSignedIdentityTests
{
    private const string Token = "gitlab-secret-token-0123";
    private static readonly byte[] Body = """{"object_kind":"push","ref":"refs/heads/main"}"""u8.ToArray();

    private static ReceiverHarness Create(bool token, bool signingToken) =>
        ReceiverHarness.Create(
            "gitlab",
            webhooks => webhooks.AddGitLab(o =>
            {
                if (token)
                {
                    o.Secrets.Add(Token);
                }

                if (signingToken)
                {
                    o.SigningTokens.Add(TestSignatures.StandardSecret);
                }
            }),
            TestSignatures.Now);

    private static WebhookRequest Signed(byte[] body, params (string, string)[] extra) =>
        ReceiverHarness.Request(body, headers: [("X-Gitlab-Event", "Push Hook"), .. TestSignatures.StandardWebhooks(body, "msg_genuine"), .. extra]);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_SignedDeliveryReplayedWithNewIdempotencyKeys_HasTheSignedWebhookIdEveryTime(bool tokenToo)
    {
        // Arrange
        using var receiver = Create(token: tokenToo, signingToken: true);

        // Act
        var ids = Enumerable.Range(0, 6)
            .Select(i => receiver.Read(Signed(Body, ("Idempotency-Key", $"replay-{i}"), ("X-Gitlab-Event-UUID", $"uuid-{i}"))))
            .Select(result => (result.Status, result.EventId))
            .ToList();

        // Assert: one dedupe key, so the handler runs once, not six times.
        ids.Should().AllBeEquivalentTo((WebhookProviderStatus.Accepted, "msg_genuine"));
    }

    [Fact]
    public void Read_SignedDelivery_IgnoresAPreClaimableIdempotencyKey()
    {
        // Arrange: an attacker who knows the genuine delivery's Idempotency-Key could claim it first with any request.
        using var receiver = Create(token: false, signingToken: true);

        // Act
        var result = receiver.Read(Signed(Body, ("Idempotency-Key", "known-key")));

        // Assert
        result.EventId.Should().Be("msg_genuine");
        result.IsEventIdSigned.Should().BeTrue("webhook-id is signed and X-Gitlab-Event names the signed object_kind");
    }

    [Fact]
    public void Read_TokenDelivery_IsIdentifiedByIdempotencyKeyAndSaysItIsUnsigned()
    {
        // Arrange
        using var receiver = Create(token: true, signingToken: true);
        var request = ReceiverHarness.Request(Body, headers: [("X-Gitlab-Event", "Push Hook"), ("X-Gitlab-Token", Token), ("Idempotency-Key", "key-1"), ("X-Gitlab-Event-UUID", "uuid-1")]);

        // Act
        var result = receiver.Read(request);

        // Assert
        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be("key-1");
        result.IsEventIdSigned.Should().BeFalse();
    }

    [Theory]
    [InlineData("v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("v1,not-base64")]
    [InlineData("")]
    public void Read_BothConfiguredInvalidSignatureAndValidToken_IsUnauthorized(string signature)
    {
        // Arrange: a token holder forging a body must not get past a signing receiver by adding a bad signature.
        using var receiver = Create(token: true, signingToken: true);
        var forged = """{"object_kind":"push","ref":"refs/heads/forged"}"""u8.ToArray();
        var request = ReceiverHarness.Request(forged, headers:
        [
            ("X-Gitlab-Event", "Push Hook"), ("X-Gitlab-Token", Token), ("webhook-id", "msg_1"), ("webhook-timestamp", TestSignatures.NowText), ("webhook-signature", signature),
        ]);

        // Act
        var result = receiver.Read(request);

        // Assert
        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_BothConfiguredSignatureOfAnotherBodyAndValidToken_IsUnauthorized()
    {
        using var receiver = Create(token: true, signingToken: true);
        var forged = """{"object_kind":"push","ref":"refs/heads/forged"}"""u8.ToArray();
        var request = ReceiverHarness.Request(forged, headers: [("X-Gitlab-Event", "Push Hook"), ("X-Gitlab-Token", Token), .. TestSignatures.StandardWebhooks(Body, "msg_genuine")]);

        var result = receiver.Read(request);

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData("Push Hook", """{"object_kind":"push"}""", true)]
    [InlineData("Merge Request Hook", """{"object_kind":"push"}""", false)]
    [InlineData("Confidential Issue Hook", """{"object_kind":"issue"}""", false)]
    [InlineData("System Hook", """{"event_name":"project_create"}""", false)]
    [InlineData("Push Hook", """[1]""", false)]
    public void Read_SignedDelivery_SaysSignedOnlyWhenTheEventHeaderNamesTheSignedObjectKind(string eventHeader, string json, bool expected)
    {
        using var receiver = Create(token: false, signingToken: true);
        var body = Encoding.UTF8.GetBytes(json);

        var result = receiver.Read(ReceiverHarness.Request(body, headers: [("X-Gitlab-Event", eventHeader), .. TestSignatures.StandardWebhooks(body, "msg_1")]));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventType.Should().Be(eventHeader);
        result.IsEventIdSigned.Should().Be(expected);
    }

    [Fact]
    public void Read_SignedBodyRepeatingObjectKind_IsBadRequest()
    {
        using var receiver = Create(token: false, signingToken: true);
        var body = """{"object_kind":"push","object_kind":"merge_request"}"""u8.ToArray();

        var result = receiver.Read(ReceiverHarness.Request(body, headers: [("X-Gitlab-Event", "Push Hook"), .. TestSignatures.StandardWebhooks(body, "msg_1")]));

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }
}
