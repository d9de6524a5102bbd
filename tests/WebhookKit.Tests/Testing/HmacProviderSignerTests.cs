using System.Text;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Testing;

namespace WebhookKit.Tests.Testing;

/// <summary>The signers of the HMAC providers reproduce the providers' published known answers.</summary>
public sealed class HmacProviderSignerTests
{
    // Slack's documentation example ("Verifying requests from Slack"): a slash command signed at 1531420618.
    private const string SlackSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string SlackSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly byte[] SlackBody = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    [Fact]
    public void Slack_DocumentationVector_IsReproduced() =>
        WebhookSigner.Slack(SlackSecret).Sign("1531420618", SlackBody).Should().Be(SlackSignature);

    [Fact]
    public void Slack_SignNow_TimestampsWithTheClock()
    {
        var signer = WebhookSigner.Slack(SlackSecret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618)));

        var signature = signer.Sign(SlackBody, out var timestamp);

        timestamp.Should().Be("1531420618");
        signature.Should().Be(SlackSignature);
    }

    [Fact]
    public void Shopify_KnownVector_IsReproduced() =>
        WebhookSigner.Shopify("hush").Sign("""{"id":1}"""u8).Should().Be("VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=");

    // twilio-python's tests/unit/jwt/test_validation.py (the form and bodySHA256 vectors).
    [Fact]
    public void Twilio_FormVector_IsReproducedWhateverTheParameterOrder() =>
        WebhookSigner.Twilio("12345").Sign(
            "https://mycompany.com/myapp.php?foo=1&bar=2",
            [new("To", "+18005551212"), new("From", "+14158675309"), new("Digits", "1234"), new("Caller", "+14158675309"), new("CallSid", "CA1234567890ABCDE")])
            .Should().Be("RSOYDt4T1cUTdK1PDd93/VVr8B8=");

    [Fact]
    public void Twilio_BodySha256Vector_IsReproducedFromTheUrlAlone() =>
        WebhookSigner.Twilio("12345").Sign("https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620")
            .Should().Be("a9nBmqA0ju/hNViExpshrM61xv4=");
}
