using System.Text.Json;

namespace Blocktrack.Chain.Rpc;

/// <summary>Finds revert bytes in an error's data member, wherever the node put them.</summary>
internal static class RevertDataReader
{
    // geth and anvil: "data": "0x08c379a0..."; Hardhat: "data": { "message": ..., "data": "0x..." };
    // some proxies nest it once more under "originalError".
    public static byte[]? Find(JsonElement? data)
    {
        if (data is not { } element)
            return null;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Hex.TryParse(element.GetString(), out var bytes) ? bytes : null;
            case JsonValueKind.Object:
                foreach (var name in (string[])["data", "originalError", "result"])
                {
                    if (element.TryGetProperty(name, out var inner) && Find(inner) is { } found)
                        return found;
                }
                return null;
            default:
                return null;
        }
    }
}
