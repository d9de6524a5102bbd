using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using WebhookKit.Internal;

namespace WebhookKit.PayPal;

/// <summary>
/// PayPal's certificates by URL: fetched once, through <see cref="IHttpClientFactory"/>, checked
/// (<see cref="PayPalCertificateValidator"/>), and kept until they expire. Every cost an attacker can cause is bounded:
/// only allow-listed URLs get here; requests for one URL not yet fetched share one fetch; at most
/// <see cref="MaxFetches"/> fetches run at once (beyond, 503); a response over <see cref="MaxResponseBytes"/> is not
/// read; fetches time out; at most <see cref="MaxCached"/> certificates are kept (the least recently used goes), and
/// failures are not kept, so they cannot push a good certificate out.
/// </summary>
internal sealed class PayPalCertificateStore
{
    /// <summary>The most certificates kept: PayPal uses a handful of URLs at a time.</summary>
    public const int MaxCached = 16;

    /// <summary>The most fetches under way at once, whatever their URLs.</summary>
    public const int MaxFetches = 4;

    /// <summary>The largest response read: a PEM chain is a few kilobytes.</summary>
    public const int MaxResponseBytes = 64 * 1024;

    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly IHttpClientFactory _httpClients;
    private readonly PayPalCertificateValidator _validator;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;
    private readonly ILogger? _logger;
    private readonly string _receiver;
    private int _fetching;

    public PayPalCertificateStore(PayPalWebhookOptions options, IHttpClientFactory httpClients, TimeProvider timeProvider, ILogger? logger, string receiver)
    {
        _httpClients = httpClients;
        _validator = new PayPalCertificateValidator(options, timeProvider);
        _timeProvider = timeProvider;
        _timeout = options.CertificateFetchTimeout;
        _logger = logger;
        _receiver = receiver;
    }

    /// <summary>Gets the number of certificates kept, for tests.</summary>
    internal int CachedCount
    {
        get
        {
            lock (_lock)
            {
                return _slots.Values.Count(static slot => slot.Certificate is not null);
            }
        }
    }

    /// <summary>Gets how many fetches were started, for tests.</summary>
    internal int FetchesStarted { get; private set; }

    /// <summary>
    /// The key of a certificate already fetched for exactly <paramref name="url"/> (ordinal) and not expired: the receive
    /// path's usual case, with nothing parsed and no allocation. Only allow-listed URLs are ever kept (see <see cref="GetAsync"/>).
    /// </summary>
    public bool TryGetCached(string url, [NotNullWhen(true)] out RSA? key)
    {
        lock (_lock)
        {
            if (_slots.TryGetValue(url, out var slot) && slot.Certificate is { Key: { } kept } certificate && _timeProvider.GetUtcNow() < certificate.NotAfter)
            {
                slot.LastUsed = _timeProvider.GetTimestamp();
                key = kept;
                return true;
            }
        }

        key = null;
        return false;
    }

    /// <summary>
    /// The certificate at <paramref name="url"/>, fetched unless kept, sharing a fetch under way for it; kept under the
    /// URL's text as sent. The one way into the store, and it takes an allow-listed URL only.
    /// </summary>
    public Task<PayPalCertificate> GetAsync(PayPalCertificateUrl url, CancellationToken cancellationToken)
    {
        Task<PayPalCertificate> pending;
        lock (_lock)
        {
            var key = url.Text;
            if (_slots.TryGetValue(key, out var slot))
            {
                if (slot.Certificate is { } kept && _timeProvider.GetUtcNow() < kept.NotAfter)
                {
                    slot.LastUsed = _timeProvider.GetTimestamp();
                    return Task.FromResult(kept);
                }

                if (slot.Pending is { } shared)
                {
                    return shared.WaitAsync(cancellationToken);
                }

                _slots.Remove(key); // Expired.
            }

            if (_fetching >= MaxFetches)
            {
                return Task.FromResult(PayPalCertificate.Unavailable($"{MaxFetches} certificate fetches are already under way"));
            }

            _fetching++;
            FetchesStarted++;
            var started = new Slot();
            _slots[key] = started;

            // On the thread pool, never under the lock; and on no request's token, since others may share it.
            pending = Task.Run(() => FetchAndKeepAsync(url, started));
            started.Pending = pending;
        }

        return pending.WaitAsync(cancellationToken);
    }

    private async Task<PayPalCertificate> FetchAndKeepAsync(PayPalCertificateUrl url, Slot slot)
    {
        var certificate = PayPalCertificate.Unavailable("the certificate fetch failed");
        try
        {
            certificate = await FetchAsync(url.Uri).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A handler of the application's (IHttpClientFactory) may throw anything: still a 503, never a 500.
        }
        finally
        {
            lock (_lock)
            {
                _fetching--;
                if (certificate.Key is null)
                {
                    _slots.Remove(url.Text);
                }
                else
                {
                    slot.Certificate = certificate;
                    slot.Pending = null;
                    slot.LastUsed = _timeProvider.GetTimestamp();
                    EvictBeyondBound();
                }
            }
        }

        if (certificate.Key is null && _logger is not null)
        {
            // The host as the allow-list has it (a URL off the list is never fetched): bounded, and never the sender's path or query.
            Log.PayPalCertificateFetchFailed(_logger, _receiver, url.AllowedHost, certificate.Description);
        }

        return certificate;
    }

    private async Task<PayPalCertificate> FetchAsync(Uri url)
    {
        using var timeout = new CancellationTokenSource(_timeout, _timeProvider);
        try
        {
            var client = _httpClients.CreateClient(PayPalCertificateClient.Name);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);

            // A redirect is not followed (the client's handler says so), and a handler that did follow one is not trusted.
            if (response.RequestMessage?.RequestUri is { } answered && answered != url)
            {
                return PayPalCertificate.NotTrusted("the certificate URL redirected");
            }

            if (!response.IsSuccessStatusCode)
            {
                return PayPalCertificate.Unavailable("the certificate URL did not answer 2xx");
            }

            if (response.Content.Headers.ContentLength > MaxResponseBytes)
            {
                return PayPalCertificate.Unavailable($"the certificate response is over {MaxResponseBytes} bytes");
            }

            var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[MaxResponseBytes + 1];
                var length = 0;
                int read;
                while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), timeout.Token).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }

                return length > MaxResponseBytes
                    ? PayPalCertificate.Unavailable($"the certificate response is over {MaxResponseBytes} bytes")
                    : _validator.Validate(System.Text.Encoding.ASCII.GetString(buffer, 0, length));
            }
        }
        catch (OperationCanceledException)
        {
            return PayPalCertificate.Unavailable($"the certificate fetch took longer than {_timeout.TotalSeconds:0.#} s");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or InvalidOperationException or CryptographicException)
        {
            return PayPalCertificate.Unavailable("the certificate fetch failed");
        }
    }

    /// <summary>Under the lock: drops expired certificates, then the least recently used beyond <see cref="MaxCached"/>.</summary>
    private void EvictBeyondBound()
    {
        var now = _timeProvider.GetUtcNow();
        foreach (var (url, slot) in _slots.Where(entry => entry.Value.Certificate is { } kept && now >= kept.NotAfter).ToList())
        {
            _slots.Remove(url);
        }

        while (_slots.Values.Count(static slot => slot.Certificate is not null) > MaxCached)
        {
            // The key object is left to the garbage collector: a request may be verifying with it right now.
            var oldest = _slots.Where(static entry => entry.Value.Certificate is not null).MinBy(static entry => entry.Value.LastUsed).Key;
            _slots.Remove(oldest);
        }
    }

    /// <summary>One URL's certificate, or its fetch under way.</summary>
    private sealed class Slot
    {
        public Task<PayPalCertificate>? Pending { get; set; }

        public PayPalCertificate? Certificate { get; set; }

        public long LastUsed { get; set; }
    }
}
