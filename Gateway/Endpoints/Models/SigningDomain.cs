namespace Blocktrack.Gateway;

/// <summary>The EIP-712 domain: <c>EIP712Domain(string name,string version,uint256 chainId)</c>.</summary>
public sealed record SigningDomain(string Name, string Version, long ChainId);
