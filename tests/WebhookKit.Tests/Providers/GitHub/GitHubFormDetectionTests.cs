using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookKit.GitHub;

namespace WebhookKit.Tests.Providers.GitHub;

/// <summary>Which Content-Type values make a GitHub delivery form-encoded (payload in the <c>payload</c> field).</summary>
public sealed class GitHubFormDetectionTests
{
    private const string Secret = "It's a Secret to Everybody";

    private static WebhookProviderResult Read(string? contentType, byte[] body)
    {
        var options = new GitHubWebhookOptions();
        options.Secrets.Add(Secret);
        var headers = new HeaderDictionary
        {
            ["X-GitHub-Event"] = "push",
            ["X-GitHub-Delivery"] = "72d3162e-cc78-11e3-81ab-4c9367dc0958",
            ["X-Hub-Signature-256"] = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)),
        };
        if (contentType is not null)
        {
            headers["Content-Type"] = contentType;
        }

        return new GitHubWebhookProvider(options).Read(new WebhookRequest(headers, body));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/x-www-form-urlencoded; charset=utf-8")]
    [InlineData("Application/X-WWW-Form-UrlEncoded;charset=UTF-8")]
    [InlineData(" application/x-www-form-urlencoded ; charset=utf-8")]
    public void Read_FormMediaType_TakesThePayloadField(string contentType)
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString("""{"ref":"refs/heads/main"}"""));

        // Act
        var result = Read(contentType, body);

        // Assert
        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.Payload.Should().Equal(Encoding.UTF8.GetBytes("""{"ref":"refs/heads/main"}"""));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/x-www-form-urlencoded-but-not-really")]
    [InlineData("text/plain; note=application/x-www-form-urlencoded")]
    public void Read_OtherMediaType_PayloadIsTheBody(string? contentType)
    {
        // Arrange
        var body = """{"ref":"refs/heads/main"}"""u8.ToArray();

        // Act
        var result = Read(contentType, body);

        // Assert
        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        result.Payload.Should().BeNull("a JSON delivery's payload is its body");
    }
}
