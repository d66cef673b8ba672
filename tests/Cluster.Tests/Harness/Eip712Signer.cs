using System.Text.Json.Nodes;
using Blocktrack.Chain;

namespace Blocktrack.Cluster.Harness;

/// <summary>
/// Signs the Gateway's message types as a wallet would (eth_signTypedData_v4), with the types written out here rather than
/// taken from the Gateway, so a drift between the two would show as refused signatures.
/// </summary>
public sealed class Eip712Signer
{
    public const long DefaultChainId = 412346;

    private static readonly Dictionary<string, (string Name, string Type)[]> Definitions = new()
    {
        ["Ballot"] = [("voter", "address"), ("proposal", "string"), ("support", "uint8"), ("reason", "string"), ("timestamp", "uint64")],
        ["Delegation"] = [("delegator", "address"), ("delegatee", "address"), ("token", "string"), ("timestamp", "uint64")],
        ["Proposal"] = [("proposer", "address"), ("dao", "string"), ("class", "string"), ("title", "string"), ("description", "string"), ("actions", "string"), ("timestamp", "uint64")],
    };

    private readonly TypedDataTypes _types = new(Definitions.ToDictionary(
        d => d.Key, d => (IReadOnlyList<TypedDataField>)[.. d.Value.Select(f => new TypedDataField(f.Name, f.Type))]));

    private readonly byte[] _domain;

    public Eip712Signer(long chainId = DefaultChainId) =>
        _domain = TypedDataHasher.DomainSeparator(name: "Blocktrack Governance", version: "1", chainId: chainId);

    /// <summary>support: 0 Against, 1 For, 2 Abstain.</summary>
    public SignedMessage Ballot(Account voter, string proposal, int support, string reason, long timestamp)
    {
        var hash = new StructHashBuilder(_types, "Ballot").Address(voter.Address).String(proposal).Uint(support).String(reason).Uint(timestamp).ToHash();
        return Sign(voter, hash, new JsonObject
        {
            ["voter"] = voter.Checksummed, ["proposal"] = proposal, ["support"] = support, ["reason"] = reason, ["timestamp"] = timestamp,
        });
    }

    public SignedMessage Delegation(Account delegator, string delegatee, string token, long timestamp)
    {
        var hash = new StructHashBuilder(_types, "Delegation").Address(delegator.Address).Address(delegatee).String(token).Uint(timestamp).ToHash();
        return Sign(delegator, hash, new JsonObject
        {
            ["delegator"] = delegator.Checksummed, ["delegatee"] = delegatee, ["token"] = token, ["timestamp"] = timestamp,
        });
    }

    public SignedMessage Proposal(Account proposer, string dao, string proposalClass, string title, string actions, long timestamp)
    {
        var description = "Cluster test proposal " + title;
        var hash = new StructHashBuilder(_types, "Proposal").Address(proposer.Address).String(dao).String(proposalClass)
            .String(title).String(description).String(actions).Uint(timestamp).ToHash();
        return Sign(proposer, hash, new JsonObject
        {
            ["proposer"] = proposer.Checksummed, ["dao"] = dao, ["class"] = proposalClass, ["title"] = title,
            ["description"] = description, ["actions"] = actions, ["timestamp"] = timestamp,
        });
    }

    private SignedMessage Sign(Account signer, byte[] structHash, JsonObject message)
    {
        var digest = TypedDataHasher.Digest(_domain, structHash);
        return new SignedMessage(message, Hex.ToHex(Secp256k1Signer.Sign(digest, signer.PrivateKey)), Hex.ToHex(digest));
    }
}
