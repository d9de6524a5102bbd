using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Stripe;

namespace WebhookKit.IntegrationTests.Receiving;

/// <summary>
/// 401 for every provider: missing, malformed or wrong signatures and out-of-tolerance timestamps. Every rejection
/// is checked for leaks: neither the problem response nor any log line may contain the secret or the presented signature.
/// </summary>
public sealed class UnauthorizedTests
{
    private const string GitHubSecret = "gh-secret-3c9f0e7a";
    private const string StripeSecret = "whsec_stripe3f8a1c0d9e7b";
    private const string GitLabToken = "glpat-token-7d2e91";

    public static TheoryData<string> MalformedGitHubSignatures => new()
    {
        "sha256=" + new string('z', 64),                     // not hex
        "sha256=" + new string('a', 63),                     // odd length
        "sha256=" + new string('b', 40),                     // a SHA-1 length
        "sha1=" + new string('c', 64),                       // wrong scheme in the sha256 header
        "SHA256=" + new string('d', 64),                     // scheme is case-sensitive
        new string('e', 64),                                 // no scheme
    };

    public static TheoryData<string> MalformedStripeSignatures => new()
    {
        "garbage-signature-header",
        "v1=" + new string('a', 64),                         // no timestamp
        "t=notanumber,v1=" + new string('b', 64),
        "t=1,t=2,v1=" + new string('c', 64),                 // two timestamps
        "t={now},v1=" + new string('z', 64),                 // not hex
        "t={now},v0=" + new string('d', 64),                 // only an ignored scheme
        "t={now}",                                           // no signature at all
    };

    [Fact]
    public async Task PostGitHub_SignatureMissing_Returns401()
    {
        // Arrange
        await using var host = await StartAsync();
        using var request = Deliveries.GitHub(GitHubSecret, Payloads.NewId()).WithHeader("X-Hub-Signature-256", null);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, GitHubSecret);
    }

    [Theory]
    [MemberData(nameof(MalformedGitHubSignatures))]
    public async Task PostGitHub_SignatureMalformed_Returns401(string signature)
    {
        // Arrange
        await using var host = await StartAsync();
        using var request = Deliveries.GitHub(GitHubSecret, Payloads.NewId()).WithHeader("X-Hub-Signature-256", signature);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, GitHubSecret, signature);
    }

    [Fact]
    public async Task PostGitHub_SignedWithWrongSecret_Returns401()
    {
        // Arrange
        await using var host = await StartAsync();
        using var request = Deliveries.GitHub("not-the-secret", Payloads.NewId());
        var presented = request.Header("X-Hub-Signature-256");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, GitHubSecret, presented, presented["sha256=".Length..]);
        host.LogsWithEventId(4).Should().ContainSingle().Which.Message.Should().Contain("github");
    }

    [Fact]
    public async Task PostGitHub_BodyAlteredAfterSigning_Returns401()
    {
        // Arrange: the signature of the original body, sent with one byte changed.
        await using var host = await StartAsync();
        var body = Payloads.GitHubPush();
        var signature = Signatures.GitHub(GitHubSecret, body);
        var tampered = (byte[])body.Clone();
        tampered[^3] = (byte)' ';
        using var request = Deliveries.GitHub(GitHubSecret, Payloads.NewId(), body: tampered).WithHeader("X-Hub-Signature-256", signature);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(problem, GitHubSecret, signature[7..]);
    }

    [Fact]
    public async Task PostStripe_SignatureMissing_Returns401()
    {
        // Arrange
        await using var host = await StartAsync();
        using var request = Deliveries.Stripe(StripeSecret, Payloads.StripeEvent(Payloads.NewId("evt_"))).WithHeader("Stripe-Signature", null);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, StripeSecret);
    }

    [Theory]
    [MemberData(nameof(MalformedStripeSignatures))]
    public async Task PostStripe_SignatureMalformed_Returns401(string signature)
    {
        // Arrange
        await using var host = await StartAsync();
        signature = signature.Replace("{now}", Signatures.Now().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var request = Deliveries.Stripe(StripeSecret, Payloads.StripeEvent(Payloads.NewId("evt_"))).WithHeader("Stripe-Signature", signature);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, StripeSecret, signature);
    }

    [Fact]
    public async Task PostStripe_SignedWithWrongSecret_Returns401()
    {
        // Arrange
        await using var host = await StartAsync();
        var body = Payloads.StripeEvent(Payloads.NewId("evt_"));
        var timestamp = Signatures.Now();
        var presented = Signatures.StripeV1("whsec_someoneelse", timestamp, body);
        using var request = Deliveries.Stripe(StripeSecret, body, timestamp).WithHeader("Stripe-Signature", $"t={timestamp},v1={presented}");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(problem, StripeSecret, presented);
    }

    [Fact]
    public async Task PostStripe_ValidSignatureOverOtherTimestamp_Returns401()
    {
        // Arrange: a valid v1 for timestamp t, presented with t+1 (the timestamp is part of the signed content).
        await using var host = await StartAsync();
        var body = Payloads.StripeEvent(Payloads.NewId("evt_"));
        var timestamp = Signatures.Now();
        var presented = Signatures.StripeV1(StripeSecret, timestamp, body);
        using var request = Deliveries.Stripe(StripeSecret, body).WithHeader("Stripe-Signature", $"t={timestamp + 1},v1={presented}");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(problem, StripeSecret, presented);
    }

    [Theory]
    [InlineData(-600)]
    [InlineData(-310)]
    [InlineData(310)]
    [InlineData(600)]
    public async Task PostStripe_TimestampBeyondTolerance_Returns401(int offsetSeconds)
    {
        // Arrange: correctly signed, but stale (negative offset) or from the future (positive), default tolerance 300 s.
        await using var host = await StartAsync();
        var body = Payloads.StripeEvent(Payloads.NewId("evt_"));
        var timestamp = Signatures.Now() + offsetSeconds;
        using var request = Deliveries.Stripe(StripeSecret, body, timestamp);
        var presented = Signatures.StripeV1(StripeSecret, timestamp, body);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(problem, StripeSecret, presented);
        host.LogsWithEventId(4).Should().ContainSingle().Which.Message.Should().Contain("tolerance");
    }

    [Fact]
    public async Task PostGitLab_TokenMissing_Returns401()
    {
        // Arrange
        await using var host = await StartAsync();
        using var request = Deliveries.GitLabToken(GitLabToken, Payloads.NewId()).WithHeader("X-Gitlab-Token", null);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, GitLabToken);
    }

    [Theory]
    [InlineData("wrong-token-4f1a")]
    [InlineData("glpat-token-7d2e9")]       // a prefix of the real token
    [InlineData("glpat-token-7d2e91x")]     // the real token plus one character
    [InlineData("GLPAT-TOKEN-7D2E91")]      // tokens are case-sensitive
    public async Task PostGitLab_TokenWrong_Returns401(string token)
    {
        // Arrange
        await using var host = await StartAsync();
        using var request = Deliveries.GitLabToken(token, Payloads.NewId());

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, GitLabToken, token);
    }

    [Fact]
    public async Task PostGitLab_TokenRepeated_Returns401()
    {
        // Arrange: two X-Gitlab-Token headers, one of them right.
        await using var host = await StartAsync();
        using var request = Deliveries.GitLabToken(GitLabToken, Payloads.NewId());
        request.Headers.TryAddWithoutValidation("X-Gitlab-Token", "another-token-55");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, GitLabToken, "another-token-55");
    }

    [Theory]
    [InlineData("v1,not-base64!")]
    [InlineData("v1,")]
    [InlineData("v2,c2lnbmF0dXJlLXRoYXQtaXMtMzItYnl0ZXMtbG9uZyE=")]
    [InlineData("c2lnbmF0dXJlLXRoYXQtaXMtMzItYnl0ZXMtbG9uZyE=")]
    public async Task PostGitLab_SigningTokenReceiverWithMalformedSignature_Returns401(string signature)
    {
        // Arrange
        var signingToken = Signatures.NewSigningToken();
        await using var host = await WebhookTestHost.StartAsync(webhooks => webhooks
            .AddGitLab(o => o.SigningTokens.Add(signingToken))
            .AddHandler<RecordingHandler<GitLabPushEvent>>(), services => services.AddSingleton(new HandlerProbe()));
        using var request = Deliveries.GitLabSigned(signingToken, Payloads.NewId("msg_")).WithHeader("webhook-signature", signature);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, signingToken, signingToken["whsec_".Length..], signature);
    }

    [Theory]
    [InlineData(-600)]
    [InlineData(600)]
    public async Task PostGitLab_SignatureTimestampBeyondTolerance_Returns401(int offsetSeconds)
    {
        // Arrange
        var signingToken = Signatures.NewSigningToken();
        await using var host = await WebhookTestHost.StartAsync(webhooks => webhooks
            .AddGitLab(o => o.SigningTokens.Add(signingToken))
            .AddHandler<RecordingHandler<GitLabPushEvent>>(), services => services.AddSingleton(new HandlerProbe()));
        using var request = Deliveries.GitLabSigned(signingToken, Payloads.NewId("msg_"), timestamp: Signatures.Now() + offsetSeconds);
        var presented = request.Header("webhook-signature");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, signingToken, presented["v1,".Length..]);
    }

    private static Task<WebhookTestHost> StartAsync() =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks
                .AddGitHub(o => o.Secrets.Add(GitHubSecret))
                .AddStripe(o => o.Secrets.Add(StripeSecret))
                .AddGitLab(o => o.Secrets.Add(GitLabToken))
                .AddHandler<RecordingHandler<GitHubPushEvent>>()
                .AddHandler<RecordingHandler<StripeEvent>>()
                .AddHandler<RecordingHandler<GitLabPushEvent>>(),
            services => services.AddSingleton(new HandlerProbe()));
}
