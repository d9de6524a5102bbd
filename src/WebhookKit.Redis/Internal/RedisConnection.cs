using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// The one Redis connection of the app's webhooks: the <see cref="IConnectionMultiplexer"/> registered in the
/// service collection if there is one, else one created once, lazily, from <see cref="RedisWebhookOptions.Redis"/>
/// with <c>AbortOnConnectFail = false</c> (the app starts while Redis is down; the multiplexer reconnects by
/// itself) and fail-fast backlog (a command while disconnected fails at once, so the receive path answers 503).
/// Its <see cref="SlotMigrationRetry"/> sends again what a Redis Cluster refused while a slot moved.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly RedisWebhookOptions _options;
    private readonly IServiceProvider _services;
    private readonly ILogger<RedisConnection> _logger;
    private IConnectionMultiplexer? _multiplexer;
    private bool _owned;

    public RedisConnection(IOptions<RedisWebhookOptions> options, IServiceProvider services, TimeProvider timeProvider, ILogger<RedisConnection> logger)
    {
        _options = options.Value;
        _services = services;
        _logger = logger;
        SlotMigrationRetry = new RedisSlotMigrationRetry(timeProvider);
    }

    /// <summary>Gets the retry of commands that a Redis Cluster refused, without running them, while their slot moved.</summary>
    public RedisSlotMigrationRetry SlotMigrationRetry { get; }

    /// <summary>Gets the multiplexer once connected (for tests).</summary>
    internal IConnectionMultiplexer? Multiplexer => Volatile.Read(ref _multiplexer);

    public async ValueTask<IDatabase> GetDatabaseAsync()
    {
        var multiplexer = Volatile.Read(ref _multiplexer) ?? await ConnectAsync().ConfigureAwait(false);
        return multiplexer.GetDatabase();
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned && _multiplexer is { } multiplexer)
        {
            await multiplexer.CloseAsync(allowCommandsToComplete: true).ConfigureAwait(false);
            multiplexer.Dispose();
        }

        _gate.Dispose();
    }

    public void Dispose()
    {
        if (_owned && _multiplexer is { } multiplexer)
        {
            multiplexer.Dispose();
        }

        _gate.Dispose();
    }

    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_multiplexer is { } existing)
            {
                return existing;
            }

            IConnectionMultiplexer multiplexer;
            if (_services.GetService<IConnectionMultiplexer>() is { } shared)
            {
                Log.UsingSharedMultiplexer(_logger);
                multiplexer = shared;
            }
            else if (_options.Redis.ConnectionMultiplexerFactory is { } factory)
            {
                // Like RedisCache: the factory's multiplexer is the app's; it is not closed here.
                multiplexer = await factory().ConfigureAwait(false);
            }
            else
            {
                Log.CreatingMultiplexer(_logger);
                var configuration = _options.Redis.ConfigurationOptions?.Clone() ?? ConfigurationOptions.Parse(_options.Redis.Configuration!);
                configuration.AbortOnConnectFail = false;
                configuration.BacklogPolicy = BacklogPolicy.FailFast;
                multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
                _owned = true;
            }

            Volatile.Write(ref _multiplexer, multiplexer);
            return multiplexer;
        }
        finally
        {
            _gate.Release();
        }
    }
}
