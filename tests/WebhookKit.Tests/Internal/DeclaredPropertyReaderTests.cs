using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.Internal;
using WebhookKit.Stripe;

namespace WebhookKit.Tests.Internal;

public sealed class DeclaredPropertyReaderTests
{
    private static readonly DeclaredPropertyReader<FlatPush> FlatReader = new(DeclaredPropertyReaderTestContext.Default.FlatPush);

    public static TheoryData<string> Documents => new()
    {
        """{"ref":"refs/heads/main","size":3,"forced":true,"score":1.5,"pushed_at":"2026-12-01T05:00:00+00:00","commits":[{"id":"a"}]}""",
        """{"commits":[{"id":"a","nested":{"deep":[1,2,{"x":null}]}}],"pushed_at":null,"score":null,"forced":false,"size":-7,"ref":"r"}""",
        """{"ref":"r"}""",
        """{}""",
        """{"r\u0065f":"escaped name","size":1,"forced":false,"score":2,"pushed_at":"2026-12-01T05:00:00Z"}""",
        """{"ref":"first","ref":"second","size":1,"forced":true,"score":0,"pushed_at":"2026-12-01T05:00:00Z"}""",
        """{"unrelated":{"ref":"not this one"},"ref":"this one","size":0,"forced":true,"score":0,"pushed_at":"2026-12-01T05:00:00Z"}""",
        """  {  "ref" : "whitespace" , "size" : 2 }  """,
        """{"ref":null,"size":1}""",
        """{"Ref":"other case","size":1}""",
        "null",
    };

    public static TheoryData<string> Malformed => new()
    {
        """{"ref":12,"size":1,"forced":true,"score":0,"pushed_at":"2026-12-01T05:00:00Z"}""",
        """{"ref":"r","size":"12","forced":true,"score":0,"pushed_at":"2026-12-01T05:00:00Z"}""",
        """{"ref":"r","size":1.5,"forced":true,"score":0,"pushed_at":"2026-12-01T05:00:00Z"}""",
        """{"ref":"r","size":null,"forced":true,"score":0,"pushed_at":"2026-12-01T05:00:00Z"}""",
        """{"ref":"r","size":1,"forced":"yes","score":0,"pushed_at":"2026-12-01T05:00:00Z"}""",
        """{"ref":"r","size":1,"forced":true,"score":0,"pushed_at":"yesterday"}""",
        """{"ref":"r","size":1,"forced":true,"score":0,"pushed_at":""",
        """{"ref":"r" "size":1}""",
        """{"ref":"r",}""",
        """[{"ref":"r"}]""",
        """{"ref":"r"} {"ref":"s"}""",
        """{"ref":"r"}]""",
        "12",
        "",
    };

    [Fact]
    public void FlatModel_IsReadPropertyByProperty()
    {
        FlatReader.StopsEarly.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void FlatModel_ReadsWhatSystemTextJsonReads(string json)
    {
        var expected = JsonSerializer.Deserialize(json, DeclaredPropertyReaderTestContext.Default.FlatPush);

        var actual = FlatReader.Deserialize(Encoding.UTF8.GetBytes(json));

        actual.Should().BeEquivalentTo(expected);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void FlatModel_RejectsWhatSystemTextJsonRejects_WhenTheFaultComesBeforeItStops(string json)
    {
        var systemTextJson = () => JsonSerializer.Deserialize(json, DeclaredPropertyReaderTestContext.Default.FlatPush);
        systemTextJson.Should().Throw<JsonException>();

        var declared = () => FlatReader.Deserialize(Encoding.UTF8.GetBytes(json));

        declared.Should().Throw<JsonException>();
    }

    [Fact]
    public void FlatModel_StopsAfterItsLastDeclaredProperty()
    {
        // Everything after "pushed_at" is left unread: here a malformed remainder, which System.Text.Json would reject.
        const string Json = """{"ref":"r","size":1,"forced":true,"score":0,"pushed_at":"2026-12-01T05:00:00Z","commits":[{"id": oops""";

        var read = FlatReader.Deserialize(Encoding.UTF8.GetBytes(Json))!;

        read.Ref.Should().Be("r");
        read.PushedAt.Should().Be(DateTimeOffset.Parse("2026-12-01T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        FluentActions.Invoking(() => JsonSerializer.Deserialize(Json, DeclaredPropertyReaderTestContext.Default.FlatPush)).Should().Throw<JsonException>();
    }

    [Fact]
    public void IgnoredProperty_IsNotSet()
    {
        var reader = new DeclaredPropertyReader<WithIgnored>(DeclaredPropertyReaderTestContext.Default.WithIgnored);
        reader.StopsEarly.Should().BeTrue();

        var read = reader.Deserialize("""{"secret":"from the body","ref":"r"}"""u8)!;

        read.Ref.Should().Be("r");
        read.Secret.Should().Be("default");
    }

    [Fact]
    public void ModelsThisReaderDoesNotReproduce_AreReadBySystemTextJson()
    {
        var context = DeclaredPropertyReaderTestContext.Default;

        new DeclaredPropertyReader<WithNested>(context.WithNested).StopsEarly.Should().BeFalse("a nested object would be tokenized twice");
        new DeclaredPropertyReader<WithList>(context.WithList).StopsEarly.Should().BeFalse("a collection would be tokenized twice");
        new DeclaredPropertyReader<WithRequired>(context.WithRequired).StopsEarly.Should().BeFalse();
        new DeclaredPropertyReader<WithExtensionData>(context.WithExtensionData).StopsEarly.Should().BeFalse();
        new DeclaredPropertyReader<WithInitOnly>(context.WithInitOnly).StopsEarly.Should().BeFalse("init-only properties are set through a constructor delegate");
        new DeclaredPropertyReader<WithPropertyConverter>(context.WithPropertyConverter).StopsEarly.Should().BeFalse();
        new DeclaredPropertyReader<FlatPush>(CaseInsensitiveContext.Default.FlatPush).StopsEarly.Should().BeFalse();
    }

    [Fact]
    public void ModelWithARequiredProperty_StillFailsWithoutIt()
    {
        var reader = new DeclaredPropertyReader<WithRequired>(DeclaredPropertyReaderTestContext.Default.WithRequired);

        var read = () => reader.Deserialize("""{"other":"x"}"""u8);

        read.Should().Throw<JsonException>();
    }

    [Theory]
    [InlineData("github", "push.json")]
    [InlineData("gitlab", "push-event.json")]
    [InlineData("stripe", "customer.updated.json")]
    public void BuiltInModels_ReadExactlyAsSystemTextJsonReadsThem(string provider, string file)
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", provider, file));

        switch (provider)
        {
            case "github":
                AssertSameAsSystemTextJson(GitHubJsonContext.Default.GitHubPushEvent, body);
                break;
            case "gitlab":
                AssertSameAsSystemTextJson(GitLabJsonContext.Default.GitLabPushEvent, body);
                break;
            default:
                AssertSameAsSystemTextJson(StripeJsonContext.Default.StripeEvent, body);
                break;
        }
    }

    [Theory]
    [InlineData("github", "push.json")]
    [InlineData("github", "workflow_run.completed.json")]
    [InlineData("gitlab", "push-event.json")]
    public void FlatModel_OverARealPayload_ReadsWhatSystemTextJsonReads(string provider, string file)
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", provider, file));
        var expected = JsonSerializer.Deserialize(body, DeclaredPropertyReaderTestContext.Default.FlatPush);

        var actual = FlatReader.Deserialize(body);

        actual.Should().BeEquivalentTo(expected);
    }

    private static void AssertSameAsSystemTextJson<T>(JsonTypeInfo<T> typeInfo, byte[] body)
    {
        new DeclaredPropertyReader<T>(typeInfo).StopsEarly.Should().BeFalse("a model with nested objects is read by JsonSerializer whole");
        var expected = JsonSerializer.Serialize(JsonSerializer.Deserialize(body, typeInfo)!, typeInfo);

        var actual = JsonSerializer.Serialize(new DeclaredPropertyReader<T>(typeInfo).Deserialize(body)!, typeInfo);

        actual.Should().Be(expected);
    }
}

public sealed class FlatPush
{
    public string? Ref { get; set; }

    public long Size { get; set; }

    public bool Forced { get; set; }

    public double? Score { get; set; }

    public DateTimeOffset? PushedAt { get; set; }
}

public sealed class WithIgnored
{
    public string? Ref { get; set; }

    [JsonIgnore]
    public string Secret { get; set; } = "default";
}

public sealed class WithNested
{
    public string? Ref { get; set; }

    public FlatPush? Inner { get; set; }
}

public sealed class WithList
{
    public string? Ref { get; set; }

    public List<string>? Items { get; set; }
}

public sealed class WithRequired
{
    public required string Ref { get; set; }
}

public sealed class WithExtensionData
{
    public string? Ref { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Rest { get; set; }
}

public sealed class WithInitOnly
{
    public string? Ref { get; init; }

    public long Size { get; set; }
}

public sealed class WithPropertyConverter
{
    [JsonConverter(typeof(JsonStringEnumConverter<DayOfWeek>))]
    public DayOfWeek Day { get; set; }
}

[JsonSerializable(typeof(FlatPush))]
[JsonSerializable(typeof(WithIgnored))]
[JsonSerializable(typeof(WithNested))]
[JsonSerializable(typeof(WithList))]
[JsonSerializable(typeof(WithRequired))]
[JsonSerializable(typeof(WithExtensionData))]
[JsonSerializable(typeof(WithInitOnly))]
[JsonSerializable(typeof(WithPropertyConverter))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
internal sealed partial class DeclaredPropertyReaderTestContext : JsonSerializerContext;

[JsonSerializable(typeof(FlatPush))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, PropertyNameCaseInsensitive = true)]
internal sealed partial class CaseInsensitiveContext : JsonSerializerContext;
