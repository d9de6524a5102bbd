using Microsoft.AspNetCore.Http;

namespace WebhookKit.Receiving;

/// <summary>
/// A receiver's <see cref="IWebhookProviderPrecheck.RequiredHeaders"/>, copied once when the receiver is built, each
/// with its fixed failure reason (header names only), so that a request lacking one is refused before its body is read.
/// </summary>
internal sealed class RequiredHeaders
{
    public static readonly RequiredHeaders None = new([]);

    private readonly (string[] AnyOf, string Reason)[] _requirements;

    private RequiredHeaders((string[] AnyOf, string Reason)[] requirements) => _requirements = requirements;

    /// <summary>Gets whether there is anything to check.</summary>
    public bool IsEmpty => _requirements.Length == 0;

    /// <summary>The provider's requirements when it declares them (<see cref="IWebhookProviderPrecheck"/>), else <see cref="None"/>.</summary>
    public static RequiredHeaders For(IWebhookProvider provider)
    {
        if (provider is not IWebhookProviderPrecheck precheck || precheck.RequiredHeaders is not { Count: > 0 } declared)
        {
            return None;
        }

        var requirements = new List<(string[], string)>(declared.Count);
        foreach (var anyOf in declared)
        {
            string[] names = [.. (anyOf ?? []).Where(name => !string.IsNullOrWhiteSpace(name)).Distinct(StringComparer.OrdinalIgnoreCase)];
            if (names.Length == 0)
            {
                // An empty set cannot be met by any request: rather than refuse everything, it requires nothing.
                continue;
            }

            requirements.Add((names, string.Join(" or ", names) + " missing (checked before the body was read)"));
        }

        return requirements.Count == 0 ? None : new RequiredHeaders([.. requirements]);
    }

    /// <summary>Finds the first requirement the headers do not meet.</summary>
    /// <returns>Its fixed failure reason, or <see langword="null"/> when every requirement is met.</returns>
    public string? FindMissing(IHeaderDictionary headers)
    {
        foreach (var (anyOf, reason) in _requirements)
        {
            if (!MeetsAny(headers, anyOf))
            {
                return reason;
            }
        }

        return null;
    }

    private static bool MeetsAny(IHeaderDictionary headers, string[] anyOf)
    {
        foreach (var name in anyOf)
        {
            if (headers[name].Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
