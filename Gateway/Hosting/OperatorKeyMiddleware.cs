namespace Blocktrack.Gateway;

/// <summary>Refuses operator endpoints without the right <c>X-Api-Key</c> before the body is even read.</summary>
public sealed class OperatorKeyMiddleware(RequestDelegate next, OperatorApiKey key)
{
    // A middleware rather than an endpoint filter: filters run after body binding, so a bad body would mask a missing key.
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<OperatorOnly>() is null
            || key.Matches(context.Request.Headers[OperatorApiKey.HeaderName]))
            return next(context);
        throw new ApiProblemException(ErrorCodes.ApiKeyInvalid,
            $"This is an operator action: send the operator key in the {OperatorApiKey.HeaderName} header.");
    }
}
