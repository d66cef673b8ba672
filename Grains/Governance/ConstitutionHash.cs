using System.Text.Json;
using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// keccak256 of a constitution's JSON in the API's dialect — byte for byte what <c>GET /daos/{path}/constitution</c>
/// answers for that version — so anyone can hash the API's answer and compare it with the anchored hash.
/// </summary>
public static class ConstitutionHash
{
    private static readonly JsonSerializerOptions Json = GovernanceJson.CreateOptions();

    public static byte[] Compute(Constitution constitution) => Keccak256.Hash(JsonSerializer.SerializeToUtf8Bytes(constitution, Json));
}
