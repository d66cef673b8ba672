namespace Blocktrack.Grains.Interfaces;

/// <summary>How a ballot counts; numbered as OpenZeppelin's GovernorCountingSimple.</summary>
public enum Support : byte
{
    Against = 0,
    For = 1,
    Abstain = 2,
}
