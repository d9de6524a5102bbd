using System.Net;
using System.Text;

namespace WebhookKit.Tests.Providers.PayPal;

/// <summary>An in-memory certificate host behind <see cref="IHttpClientFactory"/>: counts every request, and answers as told.</summary>
internal sealed class CertificateServer : IHttpClientFactory, IDisposable
{
    private readonly Handler _handler;

    public CertificateServer(Func<Uri, Task<HttpResponseMessage>> answer) => _handler = new Handler(this, answer);

    /// <summary>Serves <paramref name="pem"/> at every URL.</summary>
    public static CertificateServer Serving(string pem, TimeSpan delay = default) =>
        new(async _ =>
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(pem, Encoding.ASCII) };
        });

    public int Requests => _handler.Count;

    public HttpClient CreateClient(string name) => new(_handler, disposeHandler: false);

    public void Dispose() => _handler.Dispose();

    private sealed class Handler(CertificateServer owner, Func<Uri, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _ = owner;
            Interlocked.Increment(ref _count);
            var response = await answer(request.RequestUri!).WaitAsync(cancellationToken);
            response.RequestMessage = request;
            return response;
        }
    }
}
