using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Verification;

/// <summary>The public decoding, timestamp and form-detection helpers every built-in provider verifies with.</summary>
public sealed class WebhookSignatureTests
{
    private const long Now = 1_700_000_000;

    [Theory]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17")]
    public void TryDecodeHex_ExactLengthEitherCase_Decodes(string hex)
    {
        var destination = new byte[32];

        WebhookSignature.TryDecodeHex(hex, destination).Should().BeTrue();

        destination.Should().Equal(Convert.FromHexString(hex));
    }

    [Theory]
    [InlineData("")]
    [InlineData("757107ea")]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1")]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1700")]
    [InlineData("zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData(" 57107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    public void TryDecodeHex_WrongLengthOrNotHex_IsRefused(string hex) =>
        WebhookSignature.TryDecodeHex(hex, new byte[32]).Should().BeFalse();

    [Fact]
    public void TryDecodeBase64_ShopifyVector_Decodes()
    {
        var destination = new byte[32];

        WebhookSignature.TryDecodeBase64("VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=", destination).Should().BeTrue();

        Convert.ToBase64String(destination).Should().Be("VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=");
    }

    [Theory]
    [InlineData("", 32)]
    [InlineData("VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY", 32)]
    [InlineData("VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=", 20)]
    [InlineData("VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSe*=", 32)]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8=", 32)]
    public void TryDecodeBase64_WrongLengthOrNotBase64_IsRefused(string base64, int length) =>
        WebhookSignature.TryDecodeBase64(base64, new byte[length]).Should().BeFalse();

    [Theory]
    [InlineData("1700000000", 1_700_000_000)]
    [InlineData("0", 0)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void TryParseUnixSeconds_Digits_Parse(string text, long expected)
    {
        WebhookSignature.TryParseUnixSeconds(text, out var value).Should().BeTrue();

        value.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1700000000")]
    [InlineData(" 1700000000")]
    [InlineData("1700000000.5")]
    [InlineData("9223372036854775808")]
    [InlineData("00000000001700000000")]
    [InlineData("١٧٠٠٠٠٠٠٠٠")]
    public void TryParseUnixSeconds_NotAsciiDigitsOrTooLong_IsRefused(string text) =>
        WebhookSignature.TryParseUnixSeconds(text, out _).Should().BeFalse();

    [Theory]
    [InlineData(0, true)]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void IsWithinTolerance_BothEndsInclusive_InEitherDirection(long offsetSeconds, bool expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Now));

        WebhookSignature.IsWithinTolerance(Now + offsetSeconds, clock, TimeSpan.FromMinutes(5)).Should().Be(expected);
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void IsWithinTolerance_HostileExtremes_AreRefusedWithoutOverflow(long signedAt) =>
        WebhookSignature.IsWithinTolerance(signedAt, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Now)), TimeSpan.FromDays(1)).Should().BeFalse();

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/x-www-form-urlencoded; charset=utf-8")]
    [InlineData("Application/X-WWW-Form-UrlEncoded;charset=UTF-8")]
    [InlineData(" application/x-www-form-urlencoded ; charset=utf-8")]
    public void IsFormEncoded_FormMediaType_IsForm(string contentType) =>
        WebhookSignature.IsFormEncoded(contentType).Should().BeTrue();

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/x-www-form-urlencoded-but-not-really")]
    [InlineData("text/plain; note=application/x-www-form-urlencoded")]
    [InlineData("")]
    public void IsFormEncoded_OtherMediaType_IsNotForm(string contentType) =>
        WebhookSignature.IsFormEncoded(contentType).Should().BeFalse();

    [Fact]
    public void IsFormEncoded_NoneOrRepeated_IsNotForm()
    {
        WebhookSignature.IsFormEncoded(StringValues.Empty).Should().BeFalse();
        WebhookSignature.IsFormEncoded(new StringValues(["application/x-www-form-urlencoded", "application/x-www-form-urlencoded"])).Should().BeFalse();
    }
}
