using System.Text;
using WebhookKit.Internal;

namespace WebhookKit.Tests.Internal;

public sealed class FormPayloadReaderTests
{
    [Theory]
    [InlineData("payload=%7B%22a%22%3A1%7D", "{\"a\":1}")]
    [InlineData("x=1&payload=a+b%20c&y=2", "a b c")]
    [InlineData("payload=%e2%9c%93", "\u2713")]
    public void TryReadField_PresentField_IsDecoded(string form, string expected)
    {
        FormPayloadReader.TryReadField(Encoding.ASCII.GetBytes(form), "payload"u8, FormPayloadReader.DefaultMaxFields, out var value).Should().Be(FormReadStatus.Read);

        Encoding.UTF8.GetString(value).Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("payloads=1")]
    [InlineData("payload")]
    [InlineData("payload=")]
    [InlineData("payload=%zz")]
    [InlineData("payload=%4")]
    public void TryReadField_MissingEmptyOrMalformed_IsFalse(string form)
    {
        FormPayloadReader.TryReadField(Encoding.ASCII.GetBytes(form), "payload"u8, FormPayloadReader.DefaultMaxFields, out _).Should().NotBe(FormReadStatus.Read);
    }
}
