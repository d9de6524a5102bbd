using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WebhookKit.Receiving;

/// <summary>
/// Where the app routed its receivers: each <c>MapWebhooks</c> pattern and <c>UseWebhooks</c> prefix, recorded when it is
/// called. The startup report prints them per receiver, and warns when there are receivers but no route at all. A
/// mapped pattern is only part of the path when it is mapped in a route group: the endpoints built from it carry its
/// <see cref="Route"/> as metadata, so the report reads their full patterns, the group's prefix included.
/// </summary>
internal sealed class WebhookRoutes
{
    private readonly ConcurrentQueue<Route> _routes = new();

    /// <summary>Gets how many times the app routed its receivers.</summary>
    public int Count => _routes.Count;

    /// <summary>Records a <c>UseWebhooks</c> prefix, as a pattern with a <c>{receiver}</c> parameter: the path itself.</summary>
    public void AddPrefix(string pattern) => _routes.Enqueue(new Route(pattern, mapped: false));

    /// <summary>Records a <c>MapWebhooks</c> pattern; the route returned is the metadata of the endpoint mapped with it.</summary>
    public Route AddEndpoint(string pattern)
    {
        var route = new Route(pattern, mapped: true);
        _routes.Enqueue(route);
        return route;
    }

    /// <summary>
    /// The paths a receiver answers at, <c>{receiver}</c> replaced by its name, in the order routed: a mapped pattern
    /// as the <paramref name="endpoints"/> built from it have it, or as mapped when none was built from it.
    /// </summary>
    public string PathsOf(string receiverName, IReadOnlyList<Endpoint> endpoints)
    {
        if (_routes.IsEmpty)
        {
            return "(not routed)";
        }

        var paths = new List<string>();
        foreach (var route in _routes)
        {
            var built = route.Mapped ? PatternsBuiltFrom(route, endpoints) : [];
            paths.AddRange(built.Count > 0 ? built : [route.Pattern]);
        }

        return string.Join(", ", paths.Select(pattern => pattern.Replace("{receiver}", receiverName, StringComparison.Ordinal)));
    }

    private static List<string> PatternsBuiltFrom(Route route, IReadOnlyList<Endpoint> endpoints)
    {
        var patterns = new List<string>(1);
        foreach (var endpoint in endpoints)
        {
            if (endpoint is RouteEndpoint { RoutePattern.RawText: { } pattern } && ReferenceEquals(endpoint.Metadata.GetMetadata<Route>(), route))
            {
                patterns.Add(pattern);
            }
        }

        return patterns;
    }

    /// <summary>One <c>MapWebhooks</c> or <c>UseWebhooks</c> call; a mapped one is its endpoint's metadata.</summary>
    internal sealed class Route(string pattern, bool mapped)
    {
        /// <summary>Gets the pattern as the app passed it, <c>{receiver}</c> included.</summary>
        public string Pattern { get; } = pattern;

        /// <summary>Gets whether it was mapped as an endpoint (whose full pattern may have a group's prefix).</summary>
        public bool Mapped { get; } = mapped;

        public override string ToString() => Pattern;
    }
}
