namespace WebhookKit.Dispatch;

/// <summary>
/// Which handlers of a delivery already succeeded, by model (its binding's index) and handler (its index among the
/// model's handlers), so that a retry runs only those that failed. A bit per handler for the first 64 of each of the
/// first 64 models (every real registration); a set beyond that, allocated only if ever needed.
/// </summary>
internal sealed class SucceededHandlers(int models)
{
    private const int BitsPerWord = 64;

    private readonly ulong[] _bits = new ulong[Math.Min(models, BitsPerWord)];
    private HashSet<(int Model, int Handler)>? _beyond;

    public bool Contains(int model, int handler) =>
        model < _bits.Length && handler < BitsPerWord
            ? (_bits[model] & (1UL << handler)) != 0
            : _beyond?.Contains((model, handler)) == true;

    public void Add(int model, int handler)
    {
        if (model < _bits.Length && handler < BitsPerWord)
        {
            _bits[model] |= 1UL << handler;
        }
        else
        {
            (_beyond ??= []).Add((model, handler));
        }
    }
}
