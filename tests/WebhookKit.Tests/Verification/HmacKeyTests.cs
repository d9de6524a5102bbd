using System.Security.Cryptography;
using System.Text;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Verification;

public sealed class HmacKeyTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("It's a Secret to Everybody");

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 13)]
    [InlineData(11, 0)]
    [InlineData(11, 1024)]
    [InlineData(64, 65_536)]
    public void Compute_PrefixThenBody_EqualsOneShotHmacOfBoth(int prefixLength, int bodyLength)
    {
        // Arrange
        var prefix = RandomNumberGenerator.GetBytes(prefixLength);
        var body = RandomNumberGenerator.GetBytes(bodyLength);
        var key = new HmacKey(HashAlgorithmName.SHA256, Key);
        var actual = new byte[32];

        // Act
        key.Compute(prefix, body, actual);

        // Assert
        actual.Should().Equal(HMACSHA256.HashData(Key, prefix.Concat(body).ToArray()));
    }

    [Fact]
    public void Compute_DocumentationVector_MatchesGitHub()
    {
        // Arrange: GitHub's "Validating webhook deliveries" example.
        var key = new HmacKey(HashAlgorithmName.SHA256, Key);
        var actual = new byte[32];

        // Act
        key.Compute(default, "Hello, World!"u8, actual);

        // Assert
        Convert.ToHexStringLower(actual).Should().Be("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    [Fact]
    public void Compute_RepeatedCalls_StartFromTheBareKeyEachTime()
    {
        // Arrange
        var key = new HmacKey(HashAlgorithmName.SHA256, Key);
        var first = new byte[32];
        var second = new byte[32];

        // Act: a pooled context must not carry state from one computation into the next.
        key.Compute("t=1."u8, "a"u8, first);
        key.Compute("t=1."u8, "a"u8, second);

        // Assert
        second.Should().Equal(first).And.Equal(HMACSHA256.HashData(Key, "t=1.a"u8));
    }

    [Fact]
    public void Compute_ManyThreadsAtOnce_EachGetsItsOwnCorrectHmac()
    {
        // Arrange: more concurrent callers than the pool has slots, each with its own body.
        var key = new HmacKey(HashAlgorithmName.SHA256, Key);
        var bodies = Enumerable.Range(0, 64).Select(i => RandomNumberGenerator.GetBytes(100 + i * 37)).ToArray();
        var expected = bodies.Select(body => HMACSHA256.HashData(Key, body)).ToArray();
        var failures = 0;

        // Act
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 32 }, i =>
        {
            Span<byte> actual = stackalloc byte[32];
            key.Compute(default, bodies[i % bodies.Length], actual);
            if (!actual.SequenceEqual(expected[i % bodies.Length]))
            {
                Interlocked.Increment(ref failures);
            }
        });

        // Assert
        failures.Should().Be(0);
    }
}
