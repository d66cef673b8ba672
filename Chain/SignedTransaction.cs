namespace Blocktrack.Chain;

/// <summary>A signed transaction ready for eth_sendRawTransaction, with its transaction hash.</summary>
public sealed record SignedTransaction(byte[] Raw, byte[] Hash)
{
    public string RawHex => Hex.ToHex(Raw);

    public string HashHex => Hex.ToHex(Hash);
}
