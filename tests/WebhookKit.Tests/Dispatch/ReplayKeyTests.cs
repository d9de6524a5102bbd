using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Tests.Dispatch;

/// <summary>The body-digest key of a delivery whose id is unsigned: what tells two bodies apart, and what does not.</summary>
public sealed class ReplayKeyTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"ref":"refs/heads/main"}""");
    private static readonly byte[] Mac = HMACSHA256.HashData("a secret of sixteen+"u8, Body);

    [Fact]
    public void CreateReplayKey_SameInputs_SameKeyUnderTheReceiverWithTheMarker()
    {
        var first = WebhookDelivery.CreateReplayKey("github", "push", Mac, Body);
        var second = WebhookDelivery.CreateReplayKey("github", "push", Mac, Body);

        first.Should().Be(second);
        first.Should().StartWith("github:\u001Fbody:").And.HaveLength("github:\u001Fbody:".Length + 32);
    }

    [Fact]
    public void CreateReplayKey_IsTheFirst128BitsOfTheDigestInHex()
    {
        // The key is stored (Redis keeps it across restarts and versions): its text must not change.
        byte[] input = [.. "push"u8, 0, (byte)'m', .. Mac];
        var expected = "github:\u001Fbody:" + Convert.ToHexStringLower(SHA256.HashData(input).AsSpan(0, 16));
        byte[] byBodyInput = [.. "Push Hook"u8, 0, (byte)'b', .. SHA256.HashData(Body)];

        WebhookDelivery.CreateReplayKey("github", "push", Mac, Body).Should().Be(expected);
        WebhookDelivery.CreateReplayKey("gitlab", "Push Hook", default, Body)
            .Should().Be("gitlab:\u001Fbody:" + Convert.ToHexStringLower(SHA256.HashData(byBodyInput).AsSpan(0, 16)));
    }

    [Fact]
    public void CreateReplayKey_OtherTypeOrMacOrReceiver_OtherKey()
    {
        var key = WebhookDelivery.CreateReplayKey("github", "push", Mac, Body);
        var otherMac = HMACSHA256.HashData("another secret here"u8, Body);

        WebhookDelivery.CreateReplayKey("github", "ping", Mac, Body).Should().NotBe(key);
        WebhookDelivery.CreateReplayKey("github", "push", otherMac, Body).Should().NotBe(key);
        WebhookDelivery.CreateReplayKey("org-b", "push", Mac, Body).Should().NotBe(key);
    }

    [Fact]
    public void CreateReplayKey_WithoutMac_HashesTheBodyAndNeverMeetsAMacKey()
    {
        var byBody = WebhookDelivery.CreateReplayKey("gitlab", "Push Hook", default, Body);
        var bodyHash = SHA256.HashData(Body);

        byBody.Should().Be(WebhookDelivery.CreateReplayKey("gitlab", "Push Hook", default, Body));
        byBody.Should().NotBe(WebhookDelivery.CreateReplayKey("gitlab", "Push Hook", default, [.. Body, (byte)' ']));
        byBody.Should().NotBe(WebhookDelivery.CreateReplayKey("gitlab", "Push Hook", bodyHash, Body), "a MAC that equals a body's hash is tagged apart");
    }

    [Fact]
    public void CreateReplayKey_LongestAllowedEventType_Fits()
    {
        var type = new string('é', WebhookOptions.MaxEventIdBytes / 2);

        var key = WebhookDelivery.CreateReplayKey("github", type, Mac, Body);

        key.Should().StartWith("github:\u001Fbody:");
    }
}
