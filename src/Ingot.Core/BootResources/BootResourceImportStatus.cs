namespace Ingot.Core.BootResources;

/// <summary>
/// What the image import is doing (thread-safe): whether it runs, bytes downloaded over bytes to download,
/// the errors of the current or last run and its latest messages. <see cref="Reported"/> lets the host log them.
/// </summary>
public sealed class BootResourceImportStatus
{
    private const int KeptMessages = 200;

    private readonly Lock _lock = new();
    private readonly List<string> _messages = [];
    private readonly List<string> _errors = [];
    private long _bytesDone;

    /// <summary>Raised for each message, with true for an error.</summary>
    public event Action<string, bool>? Reported;

    public bool IsImporting { get; private set; }

    public long BytesDone => Interlocked.Read(ref _bytesDone);

    public long BytesTotal { get; private set; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_lock)
            {
                return [.. _errors];
            }
        }
    }

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Marks the start of a run; false when one is running already.</summary>
    internal bool TryStart()
    {
        lock (_lock)
        {
            if (IsImporting)
            {
                return false;
            }

            IsImporting = true;
            _errors.Clear();
            _messages.Clear();
            BytesTotal = 0;
            Interlocked.Exchange(ref _bytesDone, 0);
            return true;
        }
    }

    internal void Finish()
    {
        lock (_lock)
        {
            IsImporting = false;
        }
    }

    internal void AddTotal(long bytes)
    {
        lock (_lock)
        {
            BytesTotal += bytes;
        }
    }

    internal void AddDone(long bytes) => Interlocked.Add(ref _bytesDone, bytes);

    internal void Info(string message) => Add(message, error: false);

    internal void Error(string message) => Add(message, error: true);

    private void Add(string message, bool error)
    {
        lock (_lock)
        {
            if (_messages.Count == KeptMessages)
            {
                _messages.RemoveAt(0);
            }

            _messages.Add(message);
            if (error)
            {
                _errors.Add(message);
            }
        }

        Reported?.Invoke(message, error);
    }
}
