namespace Blocktrack.Grains.Chains;

/// <summary>Gives a watcher the reader of its chain.</summary>
public interface IChainReaderFactory
{
    IChainReader For(ChainOptions chain);
}
