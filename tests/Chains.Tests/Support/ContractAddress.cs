using Nethereum.Util;

namespace Blocktrack.Chains.Tests;

/// <summary>CREATE addresses (keccak256(rlp([sender, nonce]))[12..]), so a fresh chain's contracts are known before deployment.</summary>
internal static class ContractAddress
{
    public static string Of(string deployer, long nonce) =>
        ContractUtils.CalculateContractAddress(deployer, new System.Numerics.BigInteger(nonce)).ToLowerInvariant();
}
