using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookKit.GitHub;

namespace WebhookKit.Tests.Providers.GitHub;

/// <summary>Known answers from GitHub's "Validating webhook deliveries" documentation.</summary>
public sealed class GitHubWebhookProviderTests
{
    private const string Secret = "It's a Secret to Everybody";
    private const string Sha256 = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    private const string Sha1 = "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Hello, World!");

    private static GitHubWebhookProvider CreateProvider(bool allowSha1 = false, params string[] secrets)
    {
        var options = new GitHubWebhookOptions { AllowSha1Signatures = allowSha1 };
        foreach (var secret in secrets.Length == 0 ? [Secret] : secrets)
        {
            options.Secrets.Add(secret);
        }

        return new GitHubWebhookProvider(options);
    }

    private static HeaderDictionary Headers(params (string Name, string Value)[] headers)
    {
        var dictionary = new HeaderDictionary
        {
            ["X-GitHub-Event"] = "push",
            ["X-GitHub-Delivery"] = "72d3162e-cc78-11e3-81ab-4c9367dc0958",
        };
        foreach (var (name, value) in headers)
        {
            dictionary[name] = value;
        }

        return dictionary;
    }

    [Fact]
    public void Read_DocumentationVector_IsAccepted()
    {
        var result = CreateProvider().Read(new WebhookRequest(Headers(("X-Hub-Signature-256", Sha256)), Body));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.EventId.Should().Be("72d3162e-cc78-11e3-81ab-4c9367dc0958");
        result.EventType.Should().Be("push");
        result.Payload.Should().BeNull("a JSON delivery's payload is its body");
    }

    [Theory]
    [InlineData("{\"ref\":\"refs/heads/main\"}", GitHubWebhookProvider.JsonSentAsFormReason)]
    [InlineData(" \n[1]", GitHubWebhookProvider.JsonSentAsFormReason)]
    [InlineData("ref=refs%2Fheads%2Fmain", "form-encoded delivery has no payload field")]
    public void Read_FormTypedBodyWithoutPayload_SaysWhetherItIsJsonSentAsAForm(string body, string reason)
    {
        // Arrange: curl --data-binary without -H 'Content-Type: application/json' (issue 17, point 4).
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), bytes));
        var headers = Headers(("X-Hub-Signature-256", signature), ("Content-Type", "application/x-www-form-urlencoded"));

        // Act
        var result = CreateProvider().Read(new WebhookRequest(headers, bytes));

        // Assert
        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
        result.FailureReason.Should().Be(reason);
    }

    [Fact]
    public void Read_UppercaseHexOfTheRightDigest_IsAccepted()
    {
        var upper = "sha256=" + Sha256["sha256=".Length..].ToUpperInvariant();

        var result = CreateProvider().Read(new WebhookRequest(Headers(("X-Hub-Signature-256", upper)), Body));

        result.Status.Should().Be(WebhookProviderStatus.Accepted, "the comparison is over decoded bytes");
    }

    [Fact]
    public void Read_SecondOfTwoSecretsMatches_IsAccepted()
    {
        var result = CreateProvider(false, "old-secret", Secret).Read(new WebhookRequest(Headers(("X-Hub-Signature-256", Sha256)), Body));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17aa")]
    [InlineData("sha256=857107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("SHA256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData(" sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=dXNlIGhleCBub3QgYmFzZTY0IGZvciBnaXRodWIgc2lnbmF0dXJlcyE=")]
    public void Read_MalformedOrWrongSignature_IsUnauthorized(string signature)
    {
        var result = CreateProvider().Read(new WebhookRequest(Headers(("X-Hub-Signature-256", signature)), Body));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
        result.FailureReason.Should().NotContain(Secret).And.NotContain("757107ea");
    }

    [Fact]
    public void Read_SignatureForAnotherBody_IsUnauthorized()
    {
        var result = CreateProvider().Read(new WebhookRequest(Headers(("X-Hub-Signature-256", Sha256)), Encoding.UTF8.GetBytes("Hello, World?")));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_RepeatedSignatureHeader_IsUnauthorized()
    {
        var headers = Headers();
        headers["X-Hub-Signature-256"] = new Microsoft.Extensions.Primitives.StringValues([Sha256, Sha256]);

        var result = CreateProvider().Read(new WebhookRequest(headers, Body));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_Sha1OnlyByDefault_IsUnauthorized()
    {
        var result = CreateProvider().Read(new WebhookRequest(Headers(("X-Hub-Signature", Sha1)), Body));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized);
    }

    [Fact]
    public void Read_Sha1WhenEnabled_IsAccepted()
    {
        var result = CreateProvider(allowSha1: true).Read(new WebhookRequest(Headers(("X-Hub-Signature", Sha1)), Body));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
    }

    [Fact]
    public void Read_WrongSha256WithValidSha1_IsUnauthorizedEvenWhenSha1Enabled()
    {
        var wrong = "sha256=" + new string('0', 64);

        var result = CreateProvider(allowSha1: true).Read(new WebhookRequest(Headers(("X-Hub-Signature-256", wrong), ("X-Hub-Signature", Sha1)), Body));

        result.Status.Should().Be(WebhookProviderStatus.Unauthorized, "SHA-256 is preferred whenever present");
    }

    [Theory]
    [InlineData("X-GitHub-Delivery")]
    [InlineData("X-GitHub-Event")]
    public void Read_SignedButMissingIdentityHeader_IsBadRequest(string missing)
    {
        var headers = Headers(("X-Hub-Signature-256", Sha256));
        headers.Remove(missing);

        var result = CreateProvider().Read(new WebhookRequest(headers, Body));

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void Read_FormEncodedDelivery_VerifiesRawBodyAndExtractsPayload()
    {
        var json = """{"ref":"refs/heads/main","zen":"a b+c"}""";
        var form = Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(json));
        var signature = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), form));
        var headers = Headers(("X-Hub-Signature-256", signature));
        headers["Content-Type"] = "application/x-www-form-urlencoded";

        var result = CreateProvider().Read(new WebhookRequest(headers, form));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        Encoding.UTF8.GetString(result.Payload!).Should().Be(json);
    }

    [Fact]
    public void Read_FormEncodedWithoutPayloadField_IsBadRequest()
    {
        var form = Encoding.UTF8.GetBytes("other=1");
        var signature = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), form));
        var headers = Headers(("X-Hub-Signature-256", signature));
        headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";

        var result = CreateProvider().Read(new WebhookRequest(headers, form));

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }
}
