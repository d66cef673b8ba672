using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>
/// The per-signer limit of signed writes. Taken in the signed-request binder right after the signature is verified: the
/// middleware runs before the body is read, so it cannot know the signer, and an unverified claim would let a forger spend
/// someone else's budget. Verification happens once; this only counts its result.
/// </summary>
public sealed class SignerRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public SignerRateLimiter(IOptions<EdgeLimitsOptions> options)
    {
        var edge = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(signer => edge.Enabled
            ? RateLimitPartition.GetTokenBucketLimiter(signer, _ => EdgeLimits.Bucket(edge.Signer))
            : RateLimitPartition.GetNoLimiter(signer));
    }

    /// <summary>Counts one signed request of <paramref name="signer"/>, or refuses it with 429 <c>rate-limited</c>.</summary>
    public void Admit(string signer)
    {
        using var lease = limiter.AttemptAcquire(signer);
        if (lease.IsAcquired) return;
        var after = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(1);
        throw new ApiProblemException(ErrorCodes.RateLimited,
            $"Too many signed requests by {signer}; retry after {EdgeLimits.SecondsOf(after)} s.") { RetryAfter = after };
    }

    public void Dispose() => limiter.Dispose();
}
