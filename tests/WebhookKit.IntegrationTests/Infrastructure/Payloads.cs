using System.Text;
using System.Text.Json.Nodes;

namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>Realistic bodies from the payload files copied to the output directory (Payloads/{provider}/*.json).</summary>
public static class Payloads
{
    /// <summary>Reads a payload file, for example <c>Read("github", "push.json")</c>.</summary>
    public static byte[] Read(string provider, string file) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", provider, file));

    /// <summary>GitHub's example push payload (its <c>ref</c> is <see cref="GitHubPushRef"/>).</summary>
    public static string ReadText(string provider, string file) => System.Text.Encoding.UTF8.GetString(Read(provider, file));

    public static byte[] GitHubPush() => Read("github", "push.json");

    /// <summary>
    /// The push payload made unique to one delivery by an extra top-level field: deliveries whose ids nobody signs are
    /// deduplicated by body too, so distinct deliveries in a test need distinct bodies, as real ones have.
    /// </summary>
    public static byte[] GitHubPush(string deliveryId) => WithMarker(GitHubPush(), deliveryId);

    /// <summary>The GitLab push payload made unique to one delivery, like <see cref="GitHubPush(string)"/>.</summary>
    public static byte[] GitLabPush(string eventId) => WithMarker(GitLabPush(), eventId);

    private static byte[] WithMarker(byte[] json, string id)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["test_delivery"] = id;
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    /// <summary>The <c>ref</c> of <see cref="GitHubPush"/>.</summary>
    public const string GitHubPushRef = "refs/tags/simple-tag";

    /// <summary>GitLab's example push payload (its <c>ref</c> is <see cref="GitLabPushRef"/>).</summary>
    public static byte[] GitLabPush() => Read("gitlab", "push-event.json");

    /// <summary>The <c>ref</c> of <see cref="GitLabPush"/>.</summary>
    public const string GitLabPushRef = "refs/heads/master";

    /// <summary>Stripe's example <c>customer.updated</c> event with its top-level <c>id</c> replaced, so each test owns its event.</summary>
    public static byte[] StripeEvent(string eventId)
    {
        var node = JsonNode.Parse(Read("stripe", "customer.updated.json"))!.AsObject();
        node["id"] = eventId;
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    /// <summary>A JSON object with one top-level string property set, for example a Paddle notification's <c>event_id</c>.</summary>
    public static byte[] WithProperty(byte[] json, string name, string value)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node[name] = value;
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    /// <summary>A unique event or delivery id for one test.</summary>
    public static string NewId(string prefix = "") => prefix + Guid.NewGuid().ToString("N");
}
