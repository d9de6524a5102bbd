using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Mailgun;
using WebhookKit.Testing;
using WebhookKit.Tests.Providers.Mailgun;

namespace WebhookKit.Tests.Testing;

/// <summary>The Mailgun signer reproduces mailgun-php's known answer, and the bodies it builds verify.</summary>
public sealed class MailgunSignerTests
{
    [Fact]
    public void Sign_MailgunKnownAnswer_IsReproduced() =>
        WebhookSigner.Mailgun(MailgunVectors.SigningKey).Sign("1403645220", MailgunVectors.Token).Should().Be(MailgunVectors.Signature);

    [Fact]
    public void CreateWebhook_IsAcceptedByTheMailgunVerifierWithItsToken()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(MailgunVectors.Timestamp));
        var body = WebhookSigner.Mailgun(MailgunVectors.SigningKey, clock).CreateWebhook("""{"event":"delivered","id":"e1"}""", MailgunVectors.Token);
        var options = new MailgunWebhookOptions();
        options.Secrets.Add(MailgunVectors.SigningKey);

        var result = new MailgunWebhookVerifier(options, clock).Verify(new HeaderDictionary { ["Content-Type"] = "application/json" }, Encoding.UTF8.GetBytes(body));

        result.IsVerified.Should().BeTrue(result.ToString());
        body.Should().Contain(MailgunVectors.Signature, "the same timestamp and token give Mailgun's own signature");
    }
}
