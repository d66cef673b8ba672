using System.Diagnostics.CodeAnalysis;

namespace Blocktrack.Storage.Tests;

/// <summary>What a grain's persistent state hands its storage provider, so tests can drive providers directly.</summary>
public sealed class TestGrainState<T> : IGrainState<T>
{
    [AllowNull] public T State { get; set; } = default!;
    public string? ETag { get; set; }
    public bool RecordExists { get; set; }
}
