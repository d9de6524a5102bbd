namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>Waits for a condition by polling it, with a generous timeout; never a fixed sleep.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public static Task WaitUntilAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => new ValueTask<bool>(condition()), because, timeout);

    public static async Task WaitUntilAsync(Func<ValueTask<bool>> condition, string because, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = new CancellationTokenSource(timeout ?? HandlerProbe.DefaultTimeout);
        while (!await condition())
        {
            try
            {
                await Task.Delay(PollInterval, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting until {because}.");
            }
        }
    }
}
