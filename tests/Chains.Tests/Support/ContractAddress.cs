using Blocktrack.Chain;

namespace Blocktrack.Chains.Tests;

/// <summary>CREATE addresses: keccak256(rlp([sender, nonce]))[12..], so a fresh chain's contracts are known before deployment.</summary>
internal static class ContractAddress
{
    public static string Of(string deployer, long nonce) =>
        EthAddress.ToLower(Keccak256.Hash(Rlp.EncodeList(Rlp.EncodeBytes(EthAddress.Parse(deployer)), Rlp.EncodeUInt(nonce))).AsSpan(12));
}
