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

    /// <summary>A unique event or delivery id for one test.</summary>
    public static string NewId(string prefix = "") => prefix + Guid.NewGuid().ToString("N");
}
