using System.Reflection;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;

namespace Blocktrack.Gateway;

/// <summary>
/// A signed request's message, bound from the body: read, verified, checked against the route and used up, in that
/// order, before the endpoint runs. Every endpoint that acts on a signature takes one of these and nothing else from
/// the body, so none can forget a step.
/// </summary>
/// <param name="Message">The message as signed.</param>
/// <param name="Signer">Lower-case 0x address of the signer (= the acting address).</param>
/// <param name="Digest">0x hex of the EIP-712 digest: the message's identity for replay protection.</param>
/// <param name="Signature">0x lower-case hex of the signature, kept so anyone can re-verify.</param>
/// <param name="Timestamp">The message's timestamp, unix seconds.</param>
public sealed record Signed<TMessage>(TMessage Message, string Signer, string Digest, string Signature, long Timestamp)
    : IEndpointParameterMetadataProvider
    where TMessage : class, ISignedMessage
{
    public static async ValueTask<Signed<TMessage>?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var verifier = http.RequestServices.GetRequiredService<SignatureVerifier>();
        var signed = VerifyAndAdmit(http.RequestServices, await JsonBody.ReadAsync<SignedRequest<TMessage>>(http));
        // Refusals that leave the message unused come first, so the signer can fix the request and send it again.
        signed.Message.Admit(http, signed.Signer);
        if (!TMessage.GuardedByBallotLog)
        {
            // Marked used in the signer's voter grain before acting, so a replay is refused (replayed) however many
            // Gateways it is sent to.
            var grains = http.RequestServices.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<IVoterGrain>(signed.Signer).ConsumeSignedMessage(signed.Digest, signed.Timestamp, verifier.StaleBefore());
        }
        return signed;
    }

    /// <summary>
    /// The signature verified and the signer's rate limit taken: the steps every signed message passes, whether it came
    /// as a request's body or as one entry of a batch.
    /// </summary>
    public static Signed<TMessage> VerifyAndAdmit(IServiceProvider services, SignedRequest<TMessage>? request)
    {
        var signed = services.GetRequiredService<SignatureVerifier>().Verify(request);
        services.GetRequiredService<SignerRateLimiter>().Admit(signed.Signer);
        return signed;
    }

    /// <summary>Declares the body for OpenAPI and puts the endpoint under the signed-writes rate limit.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        JsonBody.Describe<SignedRequest<TMessage>>(builder);
        builder.Metadata.Add(new EnableRateLimitingAttribute(EdgeLimits.SignedWritesPolicy));
    }
}
