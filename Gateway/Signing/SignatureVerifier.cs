using Blocktrack.Chain;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>Proves who signed a request: rebuilds the EIP-712 digest from the fixed types, checks freshness, recovers the signer.</summary>
public sealed class SignatureVerifier(
    SigningSchema schema, ISignatureRecovery recovery, TimeProvider time, IOptions<GatewayOptions> options)
{
    private const int SignatureLength = 65;
    private readonly long maxAgeSeconds = (long)options.Value.SignatureMaxAge.TotalSeconds;
    private readonly long futureSkewSeconds = (long)options.Value.SignatureFutureSkew.TotalSeconds;

    /// <summary>Which recovery implementation serves (for the startup line).</summary>
    public string RecoveryName => recovery.Name;

    /// <summary>Unix seconds before which a timestamp is stale now; grains may forget digests older than this.</summary>
    public long StaleBefore() => time.GetUtcNow().ToUnixTimeSeconds() - maxAgeSeconds;

    /// <summary>The verified message, or an <see cref="ApiProblemException"/> saying exactly what is wrong.</summary>
    public Signed<T> Verify<T>(SignedRequest<T>? request)
        where T : class, ISignedMessage
    {
        // Cheap structural checks first, so garbage never costs a signature recovery.
        if (request?.Message is null || request.Signature is null)
            throw new ApiProblemException(ErrorCodes.MalformedRequest,
                "The body must be { \"message\": { ... }, \"signature\": \"0x...\" }.");
        var message = request.Message;
        message.Validate();
        if (!EthAddress.TryParse(message.Actor, out var actor))
            throw new ApiProblemException(ErrorCodes.InvalidAddress,
                $"The acting address of the {T.TypeName} message is not a valid address.");
        if (!Hex.TryParse(request.Signature, out var signature) || signature.Length != SignatureLength)
            throw new ApiProblemException(ErrorCodes.SignatureMalformed, "signature must be 0x followed by 130 hex digits (r, s, v).");
        RequireFresh(message.Timestamp);

        var digest = TypedDataHasher.Digest(schema.DomainSeparator, message.HashStruct(schema, actor));
        byte[] signer;
        try
        {
            signer = recovery.RecoverAddress(digest, signature);
        }
        catch (SignatureException e) when (e.Error != SignatureError.Unrecoverable)
        {
            throw new ApiProblemException(ErrorCodes.SignatureMalformed, e.Message);
        }
        catch (SignatureException)
        {
            throw new ApiProblemException(ErrorCodes.SignatureInvalid, "The signature recovers no public key.");
        }
        // A wrong domain (another chain id), another key or any altered field all recover a different address.
        if (!signer.AsSpan().SequenceEqual(actor))
            throw new ApiProblemException(ErrorCodes.SignatureInvalid,
                $"The {T.TypeName} message was not signed by {message.Actor} under the domain {{ name: \"{SignedTypes.DomainName}\", " +
                $"version: \"{SignedTypes.DomainVersion}\", chainId: {schema.ChainId} }}.");

        return new Signed<T>(message, EthAddress.ToLower(actor), Hex.ToHex(digest), Hex.ToHex(signature), (long)message.Timestamp);
    }

    private void RequireFresh(ulong timestamp)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        // Compared as unsigned so a timestamp near 2^64 cannot wrap around into the window.
        var oldest = (ulong)Math.Max(0, now - maxAgeSeconds);
        var newest = (ulong)(now + futureSkewSeconds);
        if (timestamp < oldest)
            throw new ApiProblemException(ErrorCodes.MessageStale,
                $"timestamp {timestamp} is more than {maxAgeSeconds} s old (now {now}); sign a fresh message.");
        if (timestamp > newest)
            throw new ApiProblemException(ErrorCodes.MessageStale,
                $"timestamp {timestamp} is more than {futureSkewSeconds} s in the future (now {now}); check the client's clock.");
    }
}
