using System.Collections.Concurrent;

namespace WebhookKit.Receiving;

/// <summary>
/// Where the app routed its receivers: each <c>MapWebhooks</c> pattern and <c>UseWebhooks</c> prefix, recorded when it is
/// called. The startup report prints them per receiver, and warns when there are receivers but no route at all.
/// </summary>
internal sealed class WebhookRoutes
{
    private readonly ConcurrentQueue<string> _patterns = new();

    /// <summary>Gets the route patterns, each with a <c>{receiver}</c> parameter, in the order they were added.</summary>
    public IReadOnlyCollection<string> Patterns => _patterns;

    public void Add(string pattern) => _patterns.Enqueue(pattern);

    /// <summary>The paths a receiver answers at, <c>{receiver}</c> replaced by its name.</summary>
    public string PathsOf(string receiverName) =>
        _patterns.IsEmpty ? "(not routed)" : string.Join(", ", _patterns.Select(pattern => pattern.Replace("{receiver}", receiverName, StringComparison.Ordinal)));
}
