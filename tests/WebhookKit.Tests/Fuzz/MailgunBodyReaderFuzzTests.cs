using System.Text;
using CsCheck;
using WebhookKit.Mailgun;
using Xunit.Abstractions;

namespace WebhookKit.Tests.Fuzz;

/// <summary>
/// The Mailgun body reader runs before verification, on whatever anyone sends: random bytes and changed signature
/// blocks never throw, and a block is read only when its three fields are there once each.
/// </summary>
[Trait(FuzzSettings.Category, FuzzSettings.Fuzz)]
public sealed class MailgunBodyReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly Gen<string> Field = Gen.OneOf(
        Gen.Const("\"timestamp\":\"1700000000\""),
        Gen.Const("\"timestamp\":1700000000"),
        FuzzGen.Id.Select(token => $"\"token\":\"{token}\""),
        Gen.Const("\"signature\":\"" + new string('a', 64) + "\""),
        Gen.Const("\"parent-signature\":\"" + new string('b', 64) + "\""),
        Gen.Const("\"x\":[1,{\"token\":\"nested\"}]"));

    private static readonly Gen<byte[]> Blocks = Field.Array[0, 6]
        .Select(fields => Encoding.UTF8.GetBytes("{\"signature\":{" + string.Join(',', fields) + "},\"event-data\":{\"event\":\"delivered\"}}"));

    [Fact]
    public void ReadJsonAndForm_RandomOrChangedBytes_NeverThrow()
    {
        Gen.OneOf(Gen.Byte.Array[0, 512], Gen.Select(Blocks, FuzzGen.Choice, (json, choice) => FuzzGen.ChangeBody(json, choice))).Sample(
            bytes =>
            {
                Span<byte> timestamp = stackalloc byte[19], token = stackalloc byte[MailgunSignatureFields.MaxTokenBytes], signature = stackalloc byte[64], parent = stackalloc byte[64];
                var fields = new MailgunSignatureFields { Timestamp = timestamp, Token = token, Signature = signature, ParentSignature = parent };
                _ = MailgunBodyReader.ReadJson(bytes, ref fields, out var eventType, out _);
                _ = MailgunBodyReader.DecodeEventType(bytes, eventType);
                fields = new MailgunSignatureFields { Timestamp = timestamp, Token = token, Signature = signature, ParentSignature = parent };
                _ = MailgunBodyReader.ReadForm(bytes, 100, ref fields);
            },
            iter: FuzzSettings.Iterations,
            writeLine: output.WriteLine);
    }

    [Fact]
    public void ReadJson_RandomBlocks_ReadOnlyWithEachFieldOnce()
    {
        Blocks.Sample(
            bytes =>
            {
                Span<byte> timestamp = stackalloc byte[19], token = stackalloc byte[MailgunSignatureFields.MaxTokenBytes], signature = stackalloc byte[64], parent = stackalloc byte[64];
                var fields = new MailgunSignatureFields { Timestamp = timestamp, Token = token, Signature = signature, ParentSignature = parent };
                var text = Encoding.UTF8.GetString(bytes);
                var block = text["{\"signature\":{".Length..text.IndexOf("},\"event-data\"", StringComparison.Ordinal)];
                int Count(string name) => block.Split("\"" + name + "\":").Length - 1;
                var timestamps = Count("timestamp");
                var tokens = Count("token") - (block.Split("\"nested\"").Length - 1); // the reader skips the nested object
                var signatures = Count("signature");
                var parents = Count("parent-signature");

                var status = MailgunBodyReader.ReadJson(bytes, ref fields, out _, out _);

                var expected = timestamps > 1 || tokens > 1 || signatures > 1 || parents > 1
                    ? MailgunSignatureReadStatus.Malformed
                    : timestamps == 1 && tokens == 1 && signatures == 1 ? MailgunSignatureReadStatus.Read : MailgunSignatureReadStatus.Missing;
                status.Should().Be(expected, text);
            },
            iter: FuzzSettings.Iterations,
            writeLine: output.WriteLine);
    }
}
