using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookKit.SharedToken;

namespace WebhookKit.Tests.Providers.SharedToken;

/// <summary>The shared-token receiver through <c>AddSharedToken</c>: ids, types, the JSON check, and the options validated at startup.</summary>
public sealed class SharedTokenWebhookProviderTests
{
    private const string Token = "internal-tool-token-51aa07d9";
    private static readonly byte[] Body = """{"zap":"new-lead","email":"lead@example.com"}"""u8.ToArray();

    private static ReceiverHarness Create(Action<SharedTokenWebhookOptions>? configure = null) =>
        ReceiverHarness.Create("zapier", webhooks => webhooks.AddSharedToken("zapier", o =>
        {
            o.Secrets.Add(Token);
            configure?.Invoke(o);
        }));

    private static WebhookRequest Request(byte[]? body = null, params (string Name, string Value)[] headers) =>
        ReceiverHarness.Request(body ?? Body, headers: [("Authorization", "Bearer " + Token), .. headers]);

    [Fact]
    public void Read_Defaults_IdIsTheBodysSha256AndTypeIsWebhookAndNothingIsSigned()
    {
        using var receiver = Create();

        var result = receiver.Read(Request());

        result.Status.Should().Be(WebhookProviderStatus.Accepted, result.FailureReason);
        result.EventId.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Body)));
        result.EventType.Should().Be("webhook");
        result.IsEventIdSigned.Should().BeFalse("a token covers nothing of the request");
        result.BodyMac.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Read_ConfiguredHeaders_GiveIdAndTypeAndAreForwardedButNotTheToken()
    {
        using var receiver = Create(o =>
        {
            o.TokenHeader = "X-Webhook-Token";
            o.EventIdHeader = "X-Request-Id";
            o.EventTypeHeader = "X-Event";
        });

        var result = receiver.Read(ReceiverHarness.Request(Body, headers: [("X-Webhook-Token", Token), ("X-Request-Id", "req-1"), ("X-Event", "lead.created")]));

        (result.Status, result.EventId, result.EventType).Should().Be((WebhookProviderStatus.Accepted, "req-1", "lead.created"));
        receiver.Provider.ForwardedHeaders.Should().BeEquivalentTo(["X-Request-Id", "X-Event"]);
        ((IWebhookProviderPrecheck)receiver.Provider).RequiredHeaders.Should().ContainSingle().Which.Should().Equal("X-Webhook-Token");
    }

    [Fact]
    public void Read_FixedEventType_IsEveryDeliverysType()
    {
        using var receiver = Create(o => o.EventType = "zap.triggered");

        receiver.Read(Request()).EventType.Should().Be("zap.triggered");
    }

    [Theory]
    [InlineData("X-Request-Id", null)]
    [InlineData(null, "X-Event")]
    public void Read_ConfiguredIdOrTypeHeaderMissing_IsBadRequest(string? idHeader, string? typeHeader)
    {
        using var receiver = Create(o =>
        {
            o.EventIdHeader = idHeader;
            o.EventTypeHeader = typeHeader;
        });

        receiver.Read(Request()).Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Theory]
    [InlineData("name=lead&email=lead%40example.com")]
    [InlineData("[1,2]")]
    [InlineData("""{"zap":"x"}trailing""")]
    [InlineData("")]
    public void Read_BodyThatIsNotAJsonObject_IsBadRequestRatherThanDeadLetteredLater(string body)
    {
        using var receiver = Create();

        receiver.Read(Request(Encoding.UTF8.GetBytes(body))).Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void Read_WrongToken_IsUnauthorizedBeforeTheBodyIsLookedAt()
    {
        using var receiver = Create();

        var result = receiver.Read(ReceiverHarness.Request("not json at all"u8.ToArray(), headers: ("Authorization", "Bearer internal-tool-token-51aa07d8")));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
        result.FailureReason.Should().NotContain("internal-tool-token");
    }

    public static TheoryData<Action<SharedTokenWebhookOptions>, string> InvalidOptions => new()
    {
        { o => { }, "Secrets:0" },
        { o => o.Secrets.Add("short-token"), "Secrets:0" },
        { o => { o.Secrets.Add(Token); o.EventIdHeader = "Authorization"; }, "EventIdHeader" },
        { o => { o.Secrets.Add(Token); o.TokenHeader = "X-Token"; o.EventTypeHeader = "x-token"; }, "EventTypeHeader" },
        { o => { o.Secrets.Add(Token); o.TokenHeader = "X Token"; }, "TokenHeader" },
        { o => { o.Secrets.Add(Token); o.EventIdHeader = "X-Id:"; }, "EventIdHeader" },
        { o => { o.Secrets.Add(Token); o.EventType = " "; }, "EventType" },
        { o => { o.Secrets.Add(Token); o.EventType = "line\nbreak"; }, "EventType" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void AddSharedToken_InvalidOptions_FailAtStartupNamingTheKeyButNotTheToken(Action<SharedTokenWebhookOptions> configure, string key)
    {
        var failure = ReceiverHarness.StartupFailure(webhooks => webhooks.AddSharedToken("zapier", configure));

        var message = failure.Should().BeOfType<OptionsValidationException>().Which.Message;
        message.Should().Contain("'zapier'").And.Contain($"Webhooks:zapier:{key}").And.NotContain(Token).And.NotContain("short-token'");
    }

    [Fact]
    public void AddSharedToken_Default_IsTheTokenReceiverBoundFromConfiguration()
    {
        using var receiver = ReceiverHarness.Create(
            SharedTokenWebhooksBuilderExtensions.DefaultReceiverName,
            webhooks => webhooks.AddSharedToken(),
            configuration: [("Webhooks:token:Secrets:0", Token), ("Webhooks:token:TokenHeader", "X-Webhook-Token")]);

        receiver.Provider.Name.Should().Be("token");
        receiver.Read(ReceiverHarness.Request(Body, headers: ("X-Webhook-Token", Token))).Status.Should().Be(WebhookProviderStatus.Accepted);
    }
}
