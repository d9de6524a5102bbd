using System.Text.Json.Serialization;

namespace WebhookKit.Bitbucket;

/// <summary>
/// Source-generated (trimming- and AOT-safe) System.Text.Json metadata for the Bitbucket Cloud payload models. JSON
/// names are snake_case and unknown properties are ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BitbucketEvent))]
[JsonSerializable(typeof(BitbucketPushEvent))]
[JsonSerializable(typeof(BitbucketPullRequestEvent))]
internal sealed partial class BitbucketJsonContext : JsonSerializerContext;
