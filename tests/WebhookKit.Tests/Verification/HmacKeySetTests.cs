using System.Security.Cryptography;
using System.Text;
using WebhookKit.Hmac;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Verification;

/// <summary>
/// The one HMAC engine: known answers for every algorithm (RFC 2202 and RFC 4231 test case 2, GitHub's and Slack's
/// documentation vectors), and "does any of these secrets produce one of these MACs" across many secrets.
/// </summary>
public sealed class HmacKeySetTests
{
    private static readonly byte[] Jefe = Encoding.UTF8.GetBytes("Jefe");
    private static readonly byte[] WhatDoYaWant = Encoding.UTF8.GetBytes("what do ya want for nothing?");

    [Theory]
    [InlineData(HmacSignatureAlgorithm.Sha1, 20, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")]
    [InlineData(HmacSignatureAlgorithm.Sha256, 32, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [InlineData(HmacSignatureAlgorithm.Sha512, 64, "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737")]
    public void MatchesAny_RfcTestCase2_MatchesForEveryAlgorithm(HmacSignatureAlgorithm algorithm, int length, string hex)
    {
        var keys = new HmacKeySet(algorithm, [Jefe]);

        keys.MacLength.Should().Be(length);
        keys.Algorithm.Should().Be(algorithm);
        keys.MatchesAny(Convert.FromHexString(hex), WhatDoYaWant).Should().BeTrue();
    }

    [Fact]
    public void MatchesAny_GitHubDocumentationVector_MatchesFromTheSecret()
    {
        var keys = HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, ["It's a Secret to Everybody"]);

        keys.MatchesAny(Convert.FromHexString("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"), "Hello, World!"u8)
            .Should().BeTrue();
    }

    [Fact]
    public void MatchesAny_SlackVector_PrefixThenBodyIsTheSignedContent()
    {
        var keys = HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, ["8f742231b10e8888abcd99yyyzzz85a5"]);
        var body = Encoding.UTF8.GetBytes(
            "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
        var mac = Convert.FromHexString("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");

        keys.MatchesAny(mac, "v0:1531420618:"u8, body).Should().BeTrue();
        keys.MatchesAny(mac, "v0:1531420619:"u8, body).Should().BeFalse();
        keys.MatchesAny(mac, body).Should().BeFalse("the prefix is part of the signed content");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(16)]
    public void MatchesAny_MatchOnTheLastOfManySecrets_IsFound(int secretCount)
    {
        var secrets = Enumerable.Range(0, secretCount).Select(i => $"rotated-secret-{i:D2}-0123456789").ToArray();
        var keys = HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, secrets);
        var body = "{\"id\":1}"u8.ToArray();

        keys.Count.Should().Be(secretCount);
        keys.MatchesAny(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secrets[^1]), body), body).Should().BeTrue();
        keys.MatchesAny(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secrets[0]), body), body).Should().BeTrue();
    }

    [Fact]
    public void MatchesAny_WrongMacWithManySecrets_IsRefused()
    {
        var secrets = Enumerable.Range(0, 32).Select(i => $"rotated-secret-{i:D2}-0123456789").ToArray();
        var keys = HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, secrets);
        var body = "{\"id\":1}"u8.ToArray();
        var wrong = HMACSHA256.HashData(Encoding.UTF8.GetBytes("not-configured-0123456789"), body);

        keys.MatchesAny(wrong, body).Should().BeFalse();
        keys.MatchesAny(new byte[32], body).Should().BeFalse();
    }

    [Fact]
    public void MatchesAny_SeveralPresentedMacs_AnyOneMatchingIsEnough()
    {
        var keys = HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, ["new-secret-0123456789"]);
        var body = "payload"u8.ToArray();
        var old = HMACSHA256.HashData("old-secret-0123456789"u8, body);
        var current = HMACSHA256.HashData("new-secret-0123456789"u8, body);

        keys.MatchesAny([.. old, .. current], body).Should().BeTrue();
        keys.MatchesAny([.. current, .. old], body).Should().BeTrue();
        keys.MatchesAny([.. old, .. old], body).Should().BeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(31)]
    [InlineData(33)]
    public void MatchesAny_EmptyOrNotAWholeNumberOfMacs_IsRefused(int length)
    {
        var keys = HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, ["a-secret-0123456789"]);
        var body = "payload"u8.ToArray();
        var presented = HMACSHA256.HashData("a-secret-0123456789"u8, body).Concat(new byte[8]).Take(length).ToArray();

        keys.MatchesAny(presented, body).Should().BeFalse();
    }

    [Fact]
    public void MatchesAny_NoKeys_MatchesNothing()
    {
        var keys = new HmacKeySet(HmacSignatureAlgorithm.Sha256, []);

        keys.Count.Should().Be(0);
        keys.MatchesAny(HMACSHA256.HashData(Array.Empty<byte>(), "x"u8), "x"u8).Should().BeFalse();
    }

    [Fact]
    public void Constructor_CopiesTheKeys()
    {
        var key = Encoding.UTF8.GetBytes("a-secret-0123456789");
        var keys = new HmacKeySet(HmacSignatureAlgorithm.Sha256, [key]);
        var mac = HMACSHA256.HashData(key, "x"u8);

        key[0] ^= 0xFF;

        keys.MatchesAny(mac, "x"u8).Should().BeTrue("changing the caller's array later does not change the key");
    }

    [Fact]
    public void Constructor_UnknownAlgorithmOrNullKey_Throws()
    {
        var unknown = () => new HmacKeySet((HmacSignatureAlgorithm)42, [[1]]);
        var nullKey = () => new HmacKeySet(HmacSignatureAlgorithm.Sha256, [null!]);
        var nullSecret = () => HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, [null!]);

        unknown.Should().Throw<ArgumentOutOfRangeException>();
        nullKey.Should().Throw<ArgumentException>();
        nullSecret.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void MatchesAny_ManyThreadsAtOnce_EachGetsTheRightAnswer()
    {
        var keys = HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha512, ["first-secret-0123456789", "second-secret-0123456789"]);
        var bodies = Enumerable.Range(0, 32).Select(i => RandomNumberGenerator.GetBytes(50 + i * 41)).ToArray();
        var macs = bodies.Select(body => HMACSHA512.HashData("second-secret-0123456789"u8, body)).ToArray();
        var failures = 0;

        Parallel.For(0, 5_000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            // Each body against its own MAC (a match) and its neighbour's (none).
            if (!keys.MatchesAny(macs[i % 32], bodies[i % 32]) || keys.MatchesAny(macs[(i + 1) % 32], bodies[i % 32]))
            {
                Interlocked.Increment(ref failures);
            }
        });

        failures.Should().Be(0);
    }
}
