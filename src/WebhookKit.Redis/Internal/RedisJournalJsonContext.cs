using System.Text.Json.Serialization;

namespace WebhookKit.Redis.Internal;

/// <summary>Source-generated (trimming- and AOT-safe) metadata of <see cref="RedisJournalRecord"/>.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(RedisJournalRecord))]
internal sealed partial class RedisJournalJsonContext : JsonSerializerContext;
