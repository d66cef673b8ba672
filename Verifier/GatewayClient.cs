using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net.Http.Json;
using System.Text.Json;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Verifier;

/// <summary>The verifier could not get what it needs from the Gateway (unreachable, refused, or the vote is still open).</summary>
public sealed class CannotVerifyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Downloads a proposal's evidence over the Gateway's public read API, paging through every ballot.</summary>
public sealed class GatewayClient(HttpClient http)
{
    /// <summary>The Gateway's largest ballot page.</summary>
    public const int PageSize = 200;

    /// <summary>Power readings in flight at once.</summary>
    public const int Parallelism = 16;

    private static readonly JsonSerializerOptions Json = GovernanceJson.CreateOptions();

    public async Task<ProposalEvidence> DownloadAsync(string proposal, CancellationToken cancel)
    {
        var info = await Get<ProposalInfo>($"/proposals/{proposal}", cancel);
        if (info.BallotSetHash is null)
            throw new CannotVerifyException($"{proposal} is {info.State.ToString().ToLowerInvariant()}: voting has not closed, " +
                                            "so there is no published ballot-set hash to verify yet");
        var eip712 = await Get<JsonElement>("/eip712", cancel);
        var ballots = await Ballots(proposal, cancel);
        var powers = new ConcurrentDictionary<string, VoterPower>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(ballots.Select(b => b.Voter).Distinct(),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancel },
            async (voter, ct) => powers[voter] = await Get<VoterPower>($"/proposals/{proposal}/power/{voter}", ct));
        var tally = await Get<Tally>($"/proposals/{proposal}/tally", cancel);
        var anchor = await Get<AnchorCheck>($"/proposals/{proposal}/anchor", cancel);
        // Any ballot's proof carries every shard's root as the Gateway serves them.
        var roots = ballots.IsEmpty
            ? []
            : (await Get<BallotProof>($"/proposals/{proposal}/ballots/{ballots[0].Voter}/proof", cancel)).ShardRoots;
        return new ProposalEvidence
        {
            Proposal = info,
            Eip712 = eip712,
            Ballots = ballots,
            Powers = powers.ToImmutableDictionary(StringComparer.Ordinal),
            Tally = tally,
            ServedShardRoots = roots,
            Anchor = anchor,
        };
    }

    private async Task<ImmutableArray<Ballot>> Ballots(string proposal, CancellationToken cancel)
    {
        var all = ImmutableArray.CreateBuilder<Ballot>();
        while (true)
        {
            var page = await Get<Page>($"/proposals/{proposal}/ballots?include=hidden&offset={all.Count}&limit={PageSize}", cancel);
            all.AddRange(page.Items);
            if (page.Items.Length < PageSize) return all.ToImmutable();
        }
    }

    private async Task<T> Get<T>(string path, CancellationToken cancel)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(path, cancel);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new CannotVerifyException($"GET {path}: the Gateway at {http.BaseAddress} did not answer ({e.Message})", e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new CannotVerifyException($"GET {path}: {(int)response.StatusCode} {await Problem(response, cancel)}");
            try
            {
                return await response.Content.ReadFromJsonAsync<T>(Json, cancel)
                       ?? throw new CannotVerifyException($"GET {path}: the answer is empty");
            }
            catch (JsonException e)
            {
                throw new CannotVerifyException($"GET {path}: the answer is not what the API documents ({e.Message})", e);
            }
        }
    }

    private static async Task<string> Problem(HttpResponseMessage response, CancellationToken cancel)
    {
        var body = await response.Content.ReadAsStringAsync(cancel);
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            return root.TryGetProperty("code", out var code) && root.TryGetProperty("detail", out var detail)
                ? $"{code.GetString()}: {detail.GetString()}"
                : body;
        }
        catch (JsonException)
        {
            return body.Length <= 200 ? body : body[..200];
        }
    }

    private sealed record Page(ImmutableArray<Ballot> Items, int Offset, int Limit);
}
