using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>Which token ids only a chain watcher may write: any that names a chain, and any a configured chain mirrors.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class ChainOwnershipTests
{
    private static readonly ChainsOptions Chains = new()
    {
        Chains =
        [
            new ChainOptions
            {
                Id = 1, Tokens = [new MirroredToken { Token = "mainnet-btk" }], Escrows = [new MirroredEscrow { Token = "ve-mainnet" }],
            },
        ],
    };

    [Theory]
    [InlineData("btk@412346", true)]
    [InlineData("usdc@42161", true)]
    [InlineData("mainnet-btk", true)]  // configured without a chain suffix: still the watcher's
    [InlineData("ve-mainnet", true)]
    [InlineData("btk", false)]
    [InlineData("grants-credit", false)]
    public void A_token_is_chain_owned_when_it_names_a_chain_or_a_chain_mirrors_it(string token, bool owned)
    {
        Assert.Equal(owned, Chains.Owns(token));
        if (owned)
        {
            var refused = Assert.Throws<GovernanceException>(() => Chains.RequireOffChain(token, "a balance"));
            Assert.Equal(GovernanceError.ChainOwned, refused.Error);
        }
        else
            Chains.RequireOffChain(token, "a balance");
    }
}
