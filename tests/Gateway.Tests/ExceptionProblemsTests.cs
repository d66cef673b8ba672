using Blocktrack.Grains.Interfaces;
using Orleans.Runtime;

namespace Blocktrack.Gateway.Tests;

/// <summary>Which exceptions become which problems — and that only true bugs become none (a logged 500).</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class ExceptionProblemsTests
{
    [Fact]
    public void A_grain_refusal_keeps_its_code_and_message()
    {
        var problem = ExceptionProblems.TryMap(new GovernanceException(GovernanceError.AlreadyVoted, "voted"));

        Assert.Equal(409, problem?.Status);
        Assert.Equal("already-voted", problem?.Extensions["code"]);
        Assert.Equal("voted", problem?.Detail);
    }

    [Fact]
    public void Cluster_failures_are_cluster_unavailable()
    {
        Assert.All(new Exception[]
            {
                new SiloUnavailableException(), new OrleansException("gateway lost"), new TimeoutException(),
                // The cluster's database is down: a ballot-log append or grain-state write failed, nothing was accepted.
                new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:5432"),
                // A call that expired inside the cluster (found by the network-partition proof: it was a 500).
                new OperationCanceledException("Message expired before placement could complete for grain voter/0x03f3"),
            },
            e => Assert.Equal("cluster-unavailable", ExceptionProblems.TryMap(e)?.Extensions["code"]));
    }

    [Fact]
    public void Kestrel_body_limits_keep_their_status()
    {
        var problem = ExceptionProblems.TryMap(new Microsoft.AspNetCore.Http.BadHttpRequestException("too big", 413));

        Assert.Equal(413, problem?.Status);
        Assert.Equal("payload-too-large", problem?.Extensions["code"]);
    }

    [Fact]
    public void A_bug_is_not_dressed_up_as_a_client_error()
    {
        Assert.Null(ExceptionProblems.TryMap(new InvalidOperationException("bug")));
        Assert.Null(ExceptionProblems.TryMap(new NullReferenceException()));
    }
}
