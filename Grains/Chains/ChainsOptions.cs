namespace Blocktrack.Grains.Chains;

/// <summary>Every mirrored chain (configuration section <c>Chains</c>).</summary>
public sealed class ChainsOptions
{
    public const string Section = "Chains";

    public List<ChainOptions> Chains { get; set; } = [];

    public ChainOptions? Find(long chainId) => Chains.FirstOrDefault(c => c.Id == chainId);
}
