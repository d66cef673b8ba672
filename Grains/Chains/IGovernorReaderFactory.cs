namespace Blocktrack.Grains.Chains;

/// <summary>Gives a mirrored proposal the Governor reader of its chain.</summary>
public interface IGovernorReaderFactory
{
    IGovernorReader For(ChainOptions chain);
}
