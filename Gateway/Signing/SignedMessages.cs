using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>Replay protection for every signed message except ballots (whose proposal grain deduplicates them itself).</summary>
public static class SignedMessages
{
    /// <summary>
    /// Marks the message used in the signer's voter grain before acting, so a replay is refused (<c>replayed</c>)
    /// however many Gateways it is sent to.
    /// </summary>
    public static Task Consume<T>(IGrainFactory grains, SignatureVerifier verifier, VerifiedMessage<T> verified)
        where T : class, ISignedMessage =>
        grains.GetGrain<IVoterGrain>(verified.Signer).ConsumeSignedMessage(verified.Digest, verified.Timestamp, verifier.StaleBefore());
}
