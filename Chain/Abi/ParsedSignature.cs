namespace Blocktrack.Chain.Abi;

/// <summary>What <see cref="AbiSignatureParser"/> read from a human-readable signature.</summary>
internal sealed record ParsedSignature(
    string Keyword, string Name, IReadOnlyList<AbiParameter> Inputs, IReadOnlyList<AbiParameter> Outputs, IReadOnlyList<string> Modifiers);
