namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// One attestation or revocation: what, when, by whom (a committee member's signed message, or an executed proposal).
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.PersonhoodChange")]
public sealed record PersonhoodChange
{
    [Id(0)] public bool Attested { get; init; }

    /// <summary>Unix seconds the change takes effect from.</summary>
    [Id(1)] public long At { get; init; }

    /// <summary>The committee member who signed it; null for a proposal.</summary>
    [Id(2)] public string? Attester { get; init; }

    /// <summary>The executed proposal that made it, and the index of its <c>setPersonhood</c> action; null for a signature.</summary>
    [Id(3)] public string? Proposal { get; init; }
    [Id(4)] public int? ActionIndex { get; init; }

    /// <summary>The signed Attestation's EIP-712 digest and signature (0x hex), so anyone can re-verify it.</summary>
    [Id(5)] public string? Digest { get; init; }
    [Id(6)] public string? Signature { get; init; }
}
