using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.GitLab;

namespace WebhookKit.Tests.Providers.GitLab;

/// <summary>
/// GitLab secret tokens, and signing tokens checked against the Standard Webhooks known-answer vector
/// (from the specification's library tests).
/// </summary>
public sealed class GitLabWebhookProviderTests
{
    private const string Token = "gitlab-secret-token";
    private const string SigningToken = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");

    private static GitLabWebhookProvider CreateProvider(string[]? tokens = null, string[]? signingTokens = null, long now = Timestamp)
    {
        var options = new GitLabWebhookOptions();
        foreach (var token in tokens ?? [])
        {
            options.Secrets.Add(token);
        }

        foreach (var token in signingTokens ?? [])
        {
            options.SigningTokens.Add(token);
        }

        return new GitLabWebhookProvider(options, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));
    }

    private static HeaderDictionary Headers(params (string Name, string Value)[] headers)
    {
        var dictionary = new HeaderDictionary { ["X-Gitlab-Event"] = "Push Hook", ["X-Gitlab-Event-UUID"] = "uuid-1" };
        foreach (var (name, value) in headers)
        {
            dictionary[name] = value;
        }

        return dictionary;
    }

    private static (string, string)[] SignedHeaders(string signature = Signature) =>
        [("webhook-id", MessageId), ("webhook-timestamp", Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("webhook-signature", signature)];

    [Fact]
    public void Read_MatchingToken_IsAcceptedWithEventUuidAsId()
    {
        var result = CreateProvider([Token]).Read(new WebhookRequest(Headers(("X-Gitlab-Token", Token)), Body));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be("uuid-1");
        result.EventType.Should().Be("Push Hook");
    }

    [Theory]
    [InlineData("")]
    [InlineData("gitlab-secret-toke")]
    [InlineData("gitlab-secret-token ")]
    [InlineData("GITLAB-SECRET-TOKEN")]
    public void Read_WrongToken_IsUnauthorized(string token)
    {
        var result = CreateProvider([Token]).Read(new WebhookRequest(Headers(("X-Gitlab-Token", token)), Body));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
        result.FailureReason.Should().NotContain(Token);
    }

    [Fact]
    public void Read_OverLongToken_IsUnauthorized()
    {
        var result = CreateProvider([Token]).Read(new WebhookRequest(Headers(("X-Gitlab-Token", new string('x', 100_000))), Body));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_StandardWebhooksVector_IsAcceptedWithSigningTokenOnly()
    {
        var result = CreateProvider(signingTokens: [SigningToken]).Read(new WebhookRequest(Headers(SignedHeaders()), Body));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Fact]
    public void Read_SeveralSignatureEntriesWithUnknownVersions_IsAcceptedWhenOneV1Matches()
    {
        var header = "v1a,c29tZXRoaW5nIGVsc2U= v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + Signature;

        var result = CreateProvider(signingTokens: [SigningToken]).Read(new WebhookRequest(Headers(SignedHeaders(header)), Body));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Fact]
    public void Read_SigningTokenOnlyAndTokenHeaderOnly_IsUnauthorized()
    {
        var result = CreateProvider([], [SigningToken]).Read(new WebhookRequest(Headers(("X-Gitlab-Token", Token)), Body));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_SignatureForAnotherBody_IsUnauthorized()
    {
        var result = CreateProvider(signingTokens: [SigningToken]).Read(new WebhookRequest(Headers(SignedHeaders()), Encoding.UTF8.GetBytes("""{"test": 2432232315}""")));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void Read_SignedTimestampOutsideTolerance_IsUnauthorized(long clockOffsetSeconds)
    {
        var result = CreateProvider(signingTokens: [SigningToken], now: Timestamp + clockOffsetSeconds)
            .Read(new WebhookRequest(Headers(SignedHeaders()), Body));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_BothConfigured_AcceptsEitherProof()
    {
        var provider = CreateProvider([Token], [SigningToken]);

        provider.Read(new WebhookRequest(Headers(("X-Gitlab-Token", Token)), Body)).Status.Should().Be(WebhookProviderStatus.Accepted);
        provider.Read(new WebhookRequest(Headers(SignedHeaders()), Body)).Status.Should().Be(WebhookProviderStatus.Accepted);
        provider.Read(new WebhookRequest(Headers(("X-Gitlab-Token", "wrong")), Body)).Status.Should().Be(WebhookProviderStatus.Unauthorized);
        provider.Read(new WebhookRequest(Headers(), Body)).Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_IdempotencyKeyPresent_WinsOverEventUuid()
    {
        var result = CreateProvider([Token]).Read(new WebhookRequest(Headers(("X-Gitlab-Token", Token), ("Idempotency-Key", "idem-1")), Body));

        result.EventId.Should().Be("idem-1");
    }

    [Fact]
    public void Read_OnlyWebhookIdPresent_IsUsedAsEventId()
    {
        var headers = Headers(SignedHeaders());
        headers.Remove("X-Gitlab-Event-UUID");

        var result = CreateProvider(signingTokens: [SigningToken]).Read(new WebhookRequest(headers, Body));

        result.EventId.Should().Be(MessageId);
    }

    [Fact]
    public void Read_VerifiedWithoutEventHeader_IsBadRequest()
    {
        var headers = Headers(("X-Gitlab-Token", Token));
        headers.Remove("X-Gitlab-Event");

        var result = CreateProvider([Token]).Read(new WebhookRequest(headers, Body));

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void Read_VerifiedWithoutAnyIdHeader_IsBadRequest()
    {
        var headers = Headers(("X-Gitlab-Token", Token));
        headers.Remove("X-Gitlab-Event-UUID");

        var result = CreateProvider([Token]).Read(new WebhookRequest(headers, Body));

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }
}
