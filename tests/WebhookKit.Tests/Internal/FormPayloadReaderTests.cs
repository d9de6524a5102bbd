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

    [Theory]
    [InlineData("payload=1&payload=2")]
    [InlineData("payload=1&pay%6Coad=2")]
    [InlineData("payload=1&%70%61%79%6c%6f%61%64=2")]
    [InlineData("payload&payload=2")]
    [InlineData("payload=&payload=2")]
    public void TryReadField_NameRepeatedInAnySpelling_IsRepeated(string form)
    {
        FormPayloadReader.TryReadField(Encoding.ASCII.GetBytes(form), "payload"u8, FormPayloadReader.DefaultMaxFields, out var value).Should().Be(FormReadStatus.Repeated);

        value.Should().BeEmpty();
    }

    [Theory]
    [InlineData("pay+load=1", "payload")]
    [InlineData("pay%zzload=1", "payload")]
    [InlineData("payload%=1", "payload")]
    public void TryReadField_NameThatDoesNotDecodeToTheOneAskedFor_IsMissing(string form, string name)
    {
        FormPayloadReader.TryReadField(Encoding.ASCII.GetBytes(form), Encoding.ASCII.GetBytes(name), FormPayloadReader.DefaultMaxFields, out _).Should().Be(FormReadStatus.Missing);
    }

    [Theory]
    [InlineData("", 1, false)]
    [InlineData("a=1&b=2&c=3", 3, false)]
    [InlineData("a=1&b=2&c=3&", 3, true)]
    [InlineData("&&&", 3, true)]
    public void HasTooManyFields_CountsAmpersandSeparatedParts(string form, int maxFields, bool expected)
    {
        FormPayloadReader.HasTooManyFields(Encoding.ASCII.GetBytes(form), maxFields).Should().Be(expected);
    }

    [Fact]
    public void TryReadAll_MoreFieldsThanAllowed_IsTooManyFieldsAndDecodesNothing()
    {
        var body = Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Repeat("a=%41", 1001)));

        FormPayloadReader.TryReadAll(body, FormPayloadReader.DefaultMaxFields, out var fields).Should().Be(FormReadStatus.TooManyFields);

        fields.Should().BeEmpty();
    }
}
