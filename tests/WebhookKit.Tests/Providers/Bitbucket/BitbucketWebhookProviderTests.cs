using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookKit.Testing;

namespace WebhookKit.Tests.Providers.Bitbucket;

/// <summary>The Bitbucket receiver through <c>AddBitbucket</c>: unsigned id and event key, bad input, options.</summary>
public sealed class BitbucketWebhookProviderTests
{
    private const string Secret = "bitbucket-webhook-secret-for-tests";
    private const string RequestUuid = "0b1f2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    private static readonly byte[] Body = """{"push":{"changes":[]},"repository":{"full_name":"team/repo"}}"""u8.ToArray();

    private static ReceiverHarness Create() => ReceiverHarness.Create("bitbucket", webhooks => webhooks.AddBitbucket(o => o.Secrets.Add(Secret)));

    private static WebhookRequest Request(string? eventKey = "repo:push", string? requestUuid = RequestUuid, string? signature = null)
    {
        List<(string, string)> headers = [("X-Hub-Signature", signature ?? WebhookSigner.Bitbucket(Secret).Sign(Body)), ("X-Hook-UUID", "{9f0b0f1e-hook}"), ("X-Attempt-Number", "1")];
        if (eventKey is not null)
        {
            headers.Add(("X-Event-Key", eventKey));
        }

        if (requestUuid is not null)
        {
            headers.Add(("X-Request-UUID", requestUuid));
        }

        return ReceiverHarness.Request(Body, headers: [.. headers]);
    }

    [Fact]
    public void Read_Signed_IsAcceptedWithUnsignedIdAndEventKeySoTheBodyIsClaimedToo()
    {
        using var receiver = Create();

        var result = receiver.Read(Request());

        result.Status.Should().Be(WebhookProviderStatus.Accepted, result.FailureReason);
        (result.EventId, result.EventType).Should().Be((RequestUuid, "repo:push"));
        result.IsEventIdSigned.Should().BeFalse("neither X-Request-UUID nor X-Event-Key is covered by the signature");
        ("sha256=" + Convert.ToHexStringLower(result.BodyMac.Span)).Should().Be(WebhookSigner.Bitbucket(Secret).Sign(Body));
    }

    [Theory]
    [InlineData(null, RequestUuid)]
    [InlineData("repo:push", null)]
    [InlineData("", RequestUuid)]
    public void Read_SignedWithoutEventKeyOrRequestUuid_IsBadRequest(string? eventKey, string? requestUuid)
    {
        using var receiver = Create();

        receiver.Read(Request(eventKey, requestUuid)).Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void Read_WrongSignature_IsUnauthorizedWithoutQuotingIt()
    {
        using var receiver = Create();
        var wrong = WebhookSigner.Bitbucket("another-secret-entirely-99").Sign(Body);

        var result = receiver.Read(Request(signature: wrong));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
        result.FailureReason.Should().NotContain(wrong[7..]).And.NotContain(Secret);
    }

    [Fact]
    public void RequiredHeadersAndForwardedHeaders_NameTheSignatureOnlyAsRequired()
    {
        using var receiver = Create();

        ((IWebhookProviderPrecheck)receiver.Provider).RequiredHeaders.Should().ContainSingle().Which.Should().Equal("X-Hub-Signature");
        receiver.Provider.ForwardedHeaders.Should().Contain(["X-Event-Key", "X-Request-UUID", "X-Hook-UUID", "X-Attempt-Number"]).And.NotContain("X-Hub-Signature");
    }

    [Fact]
    public void AddBitbucket_NoSecret_FailsAtStartupSinceAHookWithoutSecretSendsNoSignature()
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddBitbucket("workspace-a", null));

        failure.Should().BeOfType<OptionsValidationException>().Which.Message.Should().Contain("'workspace-a'").And.Contain("Webhooks:workspace-a:Secrets:0");
    }
}
