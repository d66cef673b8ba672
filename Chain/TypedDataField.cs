namespace Blocktrack.Chain;

/// <summary>One member of an EIP-712 struct type, e.g. <c>("voter", "address")</c>.</summary>
public sealed record TypedDataField(string Name, string Type);
