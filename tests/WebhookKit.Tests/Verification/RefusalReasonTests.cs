using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.Shopify;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Verification;

/// <summary>
/// A wrong secret and a garbled header are told apart in the logged reason (issue 17, point 6), and neither reason
/// holds a secret or the signature: the mismatch says how many secrets were tried, the malformed one what was expected.
/// </summary>
public sealed class RefusalReasonTests
{
    private const string Secret = "It's a Secret to Everybody";
    private const string OtherSecret = "another-secret-0123456789";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Hello, World!");

    // GitHub's documented signature of Body under Secret (docs.github.com, "Validating webhook deliveries").
    private const string Signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    [Fact]
    public void GitHub_WrongSecret_AndGarbledHeader_GiveDifferentReasons()
    {
        var wrongSecret = GitHub(OtherSecret).Verify(new HeaderDictionary { ["X-Hub-Signature-256"] = Signature }, Body);
        var twoWrongSecrets = GitHub(OtherSecret, OtherSecret + "2").Verify(new HeaderDictionary { ["X-Hub-Signature-256"] = Signature }, Body);
        var garbled = GitHub(Secret).Verify(new HeaderDictionary { ["X-Hub-Signature-256"] = "sha256=zz" + Signature[9..] }, Body);

        wrongSecret.Failure.Should().Be(WebhookVerificationFailure.SignatureMismatch);
        wrongSecret.Description.Should().Be("X-Hub-Signature-256 is well formed but does not match the configured secret");
        twoWrongSecrets.Description.Should().Be("X-Hub-Signature-256 is well formed but matches none of the 2 configured secrets");
        garbled.Failure.Should().Be(WebhookVerificationFailure.SignatureMalformed);
        garbled.Description.Should().Be("X-Hub-Signature-256 malformed: not 'sha256=' and 64 hex digits");
        foreach (var result in new[] { wrongSecret, twoWrongSecrets, garbled })
        {
            result.ToString().Should().NotContain(Secret).And.NotContain(OtherSecret).And.NotContain(Signature[7..]);
        }
    }

    [Fact]
    public void Shopify_WrongSecret_AndGarbledHeader_GiveDifferentReasons()
    {
        var options = new ShopifyWebhookOptions();
        options.Secrets.Add(OtherSecret);
        var verifier = new ShopifyWebhookVerifier(options);
        var mac = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body));

        var wrongSecret = verifier.Verify(new HeaderDictionary { ["X-Shopify-Hmac-Sha256"] = mac }, Body);
        var garbled = verifier.Verify(new HeaderDictionary { ["X-Shopify-Hmac-Sha256"] = "not base64!" }, Body);

        wrongSecret.Description.Should().Contain("does not match").And.NotContain(mac);
        garbled.Description.Should().Contain("malformed");
    }

    [Fact]
    public void GitLab_WrongToken_SaysHowManyTokensWereTried()
    {
        var options = new GitLabWebhookOptions();
        options.Secrets.Add(OtherSecret);
        options.Secrets.Add(OtherSecret + "2");

        var result = new GitLabWebhookVerifier(options).Verify(new HeaderDictionary { ["X-Gitlab-Token"] = Secret }, Body);

        result.Description.Should().Be("X-Gitlab-Token matches none of the 2 configured tokens").And.NotContain(Secret);
    }

    private static GitHubWebhookVerifier GitHub(params string[] secrets)
    {
        var options = new GitHubWebhookOptions();
        foreach (var secret in secrets)
        {
            options.Secrets.Add(secret);
        }

        return new GitHubWebhookVerifier(options);
    }
}
