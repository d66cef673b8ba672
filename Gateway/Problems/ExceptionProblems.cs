using System.Data.Common;
using System.Net.Sockets;
using System.Text.Json;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;

namespace Blocktrack.Gateway;

/// <summary>Maps an exception to the problem a client gets; null for true bugs.</summary>
public static class ExceptionProblems
{
    /// <summary>The problem for a known refusal or infrastructure failure, or null when the exception is a bug.</summary>
    public static ProblemDetails? TryMap(Exception exception) => exception switch
    {
        ApiProblemException api => Problems.Create(api.Error, api.Message),
        GovernanceException refused => Problems.Create(ErrorCodes.For(refused.Error), refused.Message),
        // Kestrel's own refusals while reading the body: too large (413), too slow (408), broken framing (400).
        BadHttpRequestException bad => Problems.Create(ErrorCodes.ForStatus(bad.StatusCode), bad.Message),
        JsonException json => Problems.Create(ErrorCodes.MalformedRequest, json.Message),
        _ when IsClusterUnavailable(exception) => Problems.Create(ErrorCodes.ClusterUnavailable,
            "The governance cluster could not be reached or did not answer in time; retry after the Retry-After delay."),
        _ => null,
    };

    /// <summary>
    /// Silos down, connections lost, calls timed out, the cluster's database unreachable (a grain's storage or ballot-log
    /// write failed, so nothing was accepted): worth a retry, not a bug.
    /// </summary>
    public static bool IsClusterUnavailable(Exception exception) => exception switch
    {
        OrleansException => true,
        TimeoutException => true,
        DbException => true,
        SocketException => true,
        // A grain call given up inside the cluster (the client did not abort: that is answered before mapping), e.g.
        // "message expired before placement could complete" while a silo cut off the network is being declared dead.
        OperationCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsClusterUnavailable),
        _ => false,
    };
}
